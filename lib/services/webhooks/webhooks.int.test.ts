import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError, toActionError } from "@/lib/errors";
import type { Resolver } from "@/lib/net/check-hop";
import { openWebhookSecret } from "@/lib/webhooks/secret";
import { createActor } from "../articles/test-helpers";
import { createWebhook } from "./create-webhook";
import { deleteWebhook } from "./delete-webhook";
import { getWebhook } from "./get-webhook";
import { listWebhooks } from "./list-webhooks";
import { replayDelivery } from "./replay-delivery";
import { updateWebhook } from "./update-webhook";

/**
 * The admin services: policy, the network guard at save time (names go to an injected resolver:
 * nothing here resolves a real name or connects anywhere), the sealed secret, audit rows, and
 * hostile input, which must always come back as a 4xx error with a zh-CN message, never a 500.
 */

process.env.AUTH_SECRET ??= "integration-test-secret-".padEnd(43, "x");

const resolve = vi.fn<Resolver>(async (name) => {
  const table: Record<string, string> = {
    "hooks.example.com": "93.184.216.34",
    "intranet.example": "10.0.0.5",
    "metadata-alias.example": "169.254.169.254",
  };
  if (!table[name]) throw new Error("ENOTFOUND");
  return [{ address: table[name], family: 4 }];
});
const deps = { resolve };
const good = { name: "合作方", url: "https://hooks.example.com/byline", events: ["article.published"] };

beforeAll(() => vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", ""));
afterAll(() => vi.unstubAllEnvs());
beforeEach(async () => {
  await db.webhook.deleteMany();
});

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").not.toBeNull();
  const a = toActionError(e);
  expect(a.code, `${a.code}: ${a.message}`).not.toBe("INTERNAL");
  expect(a.message).toMatch(/[\u4e00-\u9fff]/);
  return a;
}

describe("who may manage webhooks", () => {
  it("admins only", async () => {
    const editor = await createActor("EDITOR");
    expect((await failure(createWebhook(editor, good, deps))).code).toBe("FORBIDDEN");
    expect((await failure(createWebhook(null, good, deps))).code).toBe("UNAUTHENTICATED");
    expect((await failure(listWebhooks(editor))).code).toBe("FORBIDDEN");
    expect((await failure(deleteWebhook(editor, { id: "x" }))).code).toBe("FORBIDDEN");
    expect(await db.webhook.count()).toBe(0);
  });
});

describe("createWebhook", () => {
  it("returns the secret once, stores it sealed, audits without it", async () => {
    const admin = await createActor("ADMIN");
    const made = await createWebhook(
      admin,
      { ...good, events: ["article.published", "article.published"] },
      deps,
    );
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(made.events).toEqual(["article.published"]);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.secret).not.toContain(made.secret);
    expect(openWebhookSecret(made.id, row.secret)).toBe(made.secret);
    expect(row.createdById).toBe(admin.id);
    const audits = await db.auditLog.findMany({ where: { targetId: made.id } });
    expect(audits.map((a) => a.action)).toEqual(["webhook.create"]);
    expect(JSON.stringify(audits[0]!.meta)).not.toContain(made.secret);
    const listed = await listWebhooks(admin);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
  });

  it.each([
    ["http://intranet.example/hook", "intranet.example"],
    ["https://metadata-alias.example/latest", "metadata-alias.example"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://10.0.0.5/hook", "10.0.0.5"],
    ["http://127.0.0.1/hook", "127.0.0.1"],
    ["http://localhost/hook", "localhost"],
    ["http://[::1]/hook", "[::1]"],
  ])("refuses %s, naming the host, and stores nothing", async (url, host) => {
    const admin = await createActor("ADMIN");
    const e = await failure(createWebhook(admin, { ...good, url }, deps));
    expect(e.code).toBe("INVALID");
    expect(e.message).toBe(`不能发送到内网、本机或云元数据地址：${host}`);
    expect(e.fieldErrors?.url).toEqual([e.message]);
    expect(await db.webhook.count()).toBe(0);
  });

  it("refuses other ports, credentials and unknown names with a clear message", async () => {
    const admin = await createActor("ADMIN");
    const msg = async (url: string) => {
      const e = await failure(createWebhook(admin, { ...good, url }, deps));
      return e.fieldErrors?.url?.[0] ?? e.message;
    };
    expect(await msg("https://hooks.example.com:8443/x")).toMatch(/标准端口/);
    expect(await msg("https://u:p@hooks.example.com/x")).toMatch(/用户名或密码/);
    expect(await msg("https://nowhere.example/x")).toBe(
      "找不到目标服务器（nowhere.example），请检查地址是否正确。",
    );
    expect(await msg("ftp://hooks.example.com/x")).toMatch(/http/);
    expect(await msg("not a url")).toMatch(/地址格式不正确/);
  });
});

const hostile: [string, unknown][] = [
  ["operator object as name", { ...good, name: { $ne: null } }],
  ["operator object as url", { ...good, url: { $gt: "" } }],
  ["operator object as events", { ...good, events: { $in: ["article.published"] } }],
  ["NUL in name", { ...good, name: "a\u0000b" }],
  ["NUL in url", { ...good, url: "https://hooks.example.com/\u0000" }],
  ["oversized name", { ...good, name: "名".repeat(81) }],
  ["oversized url", { ...good, url: `https://hooks.example.com/${"a".repeat(2000)}` }],
  ["unknown field", { ...good, secret: "mine" }],
  ["unknown field createdById", { ...good, createdById: "someone" }],
  ["unknown event", { ...good, events: ["article.deleted"] }],
  ["no events", { ...good, events: [] }],
  ["too many events", { ...good, events: Array(50).fill("article.published") }],
  ["missing name", { url: good.url, events: good.events }],
  ["null input", null],
  ["string input", "name=x"],
  ["array input", [good]],
  ["lone surrogate", { ...good, name: "\ud800" }],
];

describe("hostile input never reaches the database as a 500", () => {
  it.each(hostile)("create: %s", async (_label, input) => {
    const admin = await createActor("ADMIN");
    const e = await failure(createWebhook(admin, input, deps));
    expect(e.code).toBe("INVALID");
    expect(await db.webhook.count()).toBe(0);
  });

  it.each([
    ...hostile,
    ["operator object as id", { ...good, id: { $ne: "" }, active: true }],
    ["operator object as active", { ...good, active: { $eq: true } }],
    ["bad id", { ...good, id: "../../etc", active: true }],
  ] as [string, unknown][])("update: %s", async (_label, input) => {
    const admin = await createActor("ADMIN");
    const made = await createWebhook(admin, good, deps);
    const withId =
      input && typeof input === "object" && !Array.isArray(input) && !("id" in input)
        ? { id: made.id, ...input }
        : input;
    const e = await failure(updateWebhook(admin, withId, deps));
    expect(e.code).toBe("INVALID");
    expect(await db.webhook.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      name: good.name,
      url: good.url,
    });
  });
});

describe("update, delete, list, replay", () => {
  it("updates and audits; re-checks the address; an unknown id is NOT_FOUND", async () => {
    const admin = await createActor("ADMIN");
    const made = await createWebhook(admin, good, deps);
    await updateWebhook(
      admin,
      {
        id: made.id,
        name: "改名",
        url: good.url,
        events: ["comment.approved", "article.updated"],
        active: "on",
      },
      deps,
    );
    expect(await db.webhook.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      name: "改名",
      events: ["comment.approved", "article.updated"],
      active: true,
    });
    // an unchecked 启用 box sends nothing: off
    await updateWebhook(admin, { id: made.id, name: "改名", url: good.url, events: "article.updated" }, deps);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: made.id } })).active).toBe(false);
    const e = await failure(
      updateWebhook(
        admin,
        { id: made.id, name: "x", url: "http://intranet.example/", events: good.events },
        deps,
      ),
    );
    expect(e.message).toMatch(/intranet\.example/);
    const gone = await failure(updateWebhook(admin, { ...good, id: "wh_nope" }, deps));
    expect(gone.code).toBe("NOT_FOUND");
    const actions = (
      await db.auditLog.findMany({ where: { targetId: made.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["webhook.create", "webhook.update", "webhook.update"]);
  });

  it("lists deliveries a page at a time, replays one, deletes with the log", async () => {
    const admin = await createActor("ADMIN");
    const made = await createWebhook(admin, good, deps);
    const now = Date.now();
    await db.webhookDelivery.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        webhookId: made.id,
        event: "article.published",
        payload: {
          id: `evt_${i}`,
          event: "article.published",
          created_at: new Date().toISOString(),
          data: {},
        },
        status: i % 2 ? ("FAILED" as const) : ("SUCCEEDED" as const),
        attempts: 1,
        lastStatusCode: i % 2 ? 500 : 200,
        createdAt: new Date(now - i * 1000),
      })),
    });
    const p1 = await getWebhook(admin, { id: made.id, page: "1" });
    expect(p1).toMatchObject({ total: 25, pageCount: 2, page: 1 });
    expect(p1.deliveries).toHaveLength(20);
    expect(p1.deliveries[0]!.state).toBe("succeeded");
    expect(p1.deliveries[1]!.state).toBe("failed");
    const p2 = await getWebhook(admin, { id: made.id, page: "2" });
    expect(p2.deliveries).toHaveLength(5);
    // junk page numbers fall back to the first page rather than erroring
    expect((await getWebhook(admin, { id: made.id, page: { $gt: 1 } })).page).toBe(1);
    expect((await failure(getWebhook(admin, { id: "wh_nope" }))).code).toBe("NOT_FOUND");
    expect((await listWebhooks(admin))[0]!.recent).toHaveLength(5);

    const original = p1.deliveries[1]!;
    const replay = await replayDelivery(admin, { id: original.id });
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: replay.id } });
    expect(row).toMatchObject({ replayOfId: original.id, status: "PENDING", attempts: 0 });
    const before = await db.webhookDelivery.findUniqueOrThrow({ where: { id: original.id } });
    expect(row.payload).toEqual(before.payload); // the same event id: receivers can tell a repeat
    expect((await failure(replayDelivery(admin, { id: { $ne: "" } }))).code).toBe("INVALID");
    expect((await failure(replayDelivery(admin, { id: "nope" }))).code).toBe("NOT_FOUND");

    await deleteWebhook(admin, { id: made.id });
    expect(await db.webhookDelivery.count({ where: { webhookId: made.id } })).toBe(0);
    expect((await failure(deleteWebhook(admin, { id: made.id }))).code).toBe("NOT_FOUND");
    const del = await db.auditLog.findFirstOrThrow({
      where: { targetId: made.id, action: "webhook.delete" },
    });
    expect(del.meta).toMatchObject({ name: good.name, url: good.url });
  });
});

it("AppError is what the guard throws (not a bare Error)", async () => {
  const admin = await createActor("ADMIN");
  await expect(createWebhook(admin, { ...good, url: "http://10.1.1.1/" }, deps)).rejects.toBeInstanceOf(
    AppError,
  );
});
