import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Connector } from "@/lib/net/connect";
import { pinnedConnect } from "@/lib/net/connect";
import { createActor } from "@/lib/services/articles/test-helpers";
import { ingestSource } from "./ingest-source";
import { draft, stateOf, sourceFixturesForFile } from "./ingest-test-helpers";

const fixtures = sourceFixturesForFile();

describe("refusals leave nothing half-written", () => {
  it.each([
    ["huge", /原文超过 5 MB/],
    ["endless", /秒内没有响应完/],
    ["png", /不是网页（image\/png）/],
    ["png-as-html", /不是网页（二进制内容）/],
    ["broken", /没有从该页面提取到正文.*粘贴原文/],
    ["empty", /没有从该页面提取到正文.*粘贴原文/],
    ["redirect-6", /重定向次数过多/],
    ["redirect-private", /不能抓取内网、本机或云元数据地址：10\.0\.0\.1/],
    ["redirect-metadata", /不能抓取内网、本机或云元数据地址：169\.254\.169\.254/],
  ])("%s", async (name, message) => {
    const { translator, article } = await draft();
    // an earlier import, so a refusal must keep its snapshot and segments exactly
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("paywall"),
    });
    const before = await stateOf(article.id);
    const e = await ingestSource(
      translator,
      { articleId: article.id, version: first.version, url: fixtures.url(name) },
      undefined,
      { fetch: { timeoutMs: 1_500 } },
    ).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    expect((e as AppError).message).toMatch(message);
    expect(await stateOf(article.id)).toEqual(before);
  });

  it("refuses without the loopback allowance, before connecting", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "");
    const { translator, article } = await draft();
    const before = await stateOf(article.id);
    const requests = fixtures.requests.length;
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toThrow(/^不能抓取内网、本机或云元数据地址：127\.0\.0\.1/);
    expect(fixtures.requests.length).toBe(requests);
    expect(await stateOf(article.id)).toEqual(before);
  });

  it("refuses a stale version (CONFLICT) and existing translations unless replace", async () => {
    const { translator, article } = await draft();
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("poc-writeup"),
    });
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const seg = await db.translationSegment.findFirstOrThrow({
      where: { articleId: article.id, kind: "PARAGRAPH" },
    });
    await db.translationSegment.update({
      where: { id: seg.id },
      data: { targetText: "研究人员发布了漏洞利用代码。", status: "DRAFT" },
    });
    const before = await stateOf(article.id);
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: first.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toThrow(/^已有译文，重新导入会覆盖/);
    expect(await stateOf(article.id)).toEqual(before);

    const again = await ingestSource(
      translator,
      { articleId: article.id, version: first.version, url: fixtures.url("paywall") },
      true,
    );
    const after = await stateOf(article.id);
    expect(after.segments.every((s) => s.targetText === "")).toBe(true);
    expect(after.snapshots).toBe(2);
    expect(after.article.sourceSnapshotId).toBe(again.snapshotId);
    // replace may also come inside the input
    await ingestSource(translator, {
      articleId: article.id,
      version: again.version,
      url: fixtures.url("paywall"),
      replace: true,
    });
  });

  /** A connector that lets something else happen to the article while its source is being fetched. */
  const meanwhile =
    (change: () => Promise<unknown>): Connector =>
    async (target) => {
      await change();
      return pinnedConnect(target);
    };

  it("rolls the whole transaction back when the article changed during the fetch", async () => {
    const { translator, article } = await draft();
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("poc-writeup"),
    });
    // someone saves the article while the source is downloading: CONFLICT, nothing of ours written
    const bump = () => db.article.update({ where: { id: article.id }, data: { version: { increment: 1 } } });
    let before: Awaited<ReturnType<typeof stateOf>> | null = null;
    await expect(
      ingestSource(
        translator,
        { articleId: article.id, version: first.version, url: fixtures.url("paywall") },
        false,
        {
          fetch: { connect: meanwhile(async () => (await bump(), (before = await stateOf(article.id)))) },
        },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await stateOf(article.id)).toEqual(before);

    // a translation typed during the download: refused inside the transaction, version not bumped
    const current = (await stateOf(article.id)).article.version;
    const seg = (await stateOf(article.id)).segments[0]!;
    await expect(
      ingestSource(
        translator,
        { articleId: article.id, version: current, url: fixtures.url("paywall") },
        false,
        {
          fetch: {
            connect: meanwhile(async () => {
              await db.translationSegment.update({ where: { id: seg.id }, data: { targetText: "新译文" } });
              before = await stateOf(article.id);
            }),
          },
        },
      ),
    ).rejects.toThrow(/^已有译文/);
    expect(await stateOf(article.id)).toEqual(before);
    expect((await stateOf(article.id)).article.version).toBe(current);
  });

  it("answers another translator's draft with NOT_FOUND and a reader with NOT_FOUND", async () => {
    const { article } = await draft();
    const other = await createActor("TRANSLATOR");
    const reader = await createActor("READER");
    for (const actor of [other, reader])
      await expect(
        ingestSource(actor, {
          articleId: article.id,
          version: article.version,
          url: fixtures.url("paywall"),
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stateOf(article.id)).snapshots).toBe(0);
  });

  it("validates the input", async () => {
    const { translator, article } = await draft();
    for (const input of [
      { articleId: article.id, version: article.version },
      {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
        pasted: { text: "x" },
      },
      { articleId: article.id, version: article.version, pasted: { text: "  " } },
      { articleId: article.id, version: article.version, url: "" },
      { articleId: article.id, version: 0, url: fixtures.url("paywall") },
    ])
      await expect(ingestSource(translator, input)).rejects.toThrow();
    expect((await stateOf(article.id)).snapshots).toBe(0);
  });
});
