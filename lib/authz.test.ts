import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  ACTIONS,
  assertCan,
  can,
  COMMENT_EDIT_WINDOW_MS,
  POLICY,
  ROLES,
  type Action,
  type Actor,
  type Resource,
} from "./authz";

const NOW = Date.parse("2026-11-28T12:00:00Z");
const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  role,
  status: "ACTIVE",
  displayName: role,
  publicId: "p1",
  ...over,
});

/** A typical object for the action, owned by `ownerId` (a fresh draft, a fresh comment...). */
function resourceFor(action: Action, ownerId: string): Resource | undefined {
  if (action.startsWith("article.") && action !== "article.create")
    return { kind: "article", authorId: ownerId, status: "DRAFT" };
  if (action === "comment.editOwn")
    return { kind: "comment", authorId: ownerId, createdAt: new Date(NOW - 60_000) };
  // users are never "owned"; acting on oneself is covered by the state rules below
  if (action === "user.changeRole" || action === "user.manage") return { kind: "user", id: "target-user" };
  if (action === "account.twoFactor" || action === "profile.editOwn" || action === "account.exportOwn")
    return { kind: "user", id: ownerId };
  return undefined;
}

// Written out independently of POLICY so a change to the policy has to be made twice, on purpose.
// Y = allowed on anyone's object, O = only on the actor's own, - = never.
// Columns:                           R    C    T    E    A
const EXPECTED: Record<Action, string> = {
  "article.create": /*            */ "-YYYY",
  "article.editOwn": /*           */ "-OOOO",
  "article.editAny": /*           */ "---YY",
  "article.submitForReview": /*   */ "-OOOO",
  "article.review": /*            */ "---YY",
  "article.publish": /*           */ "---YY",
  "article.schedule": /*          */ "---YY",
  "article.unpublish": /*         */ "---YY",
  "article.delete": /*            */ "-OOOY",
  "article.viewDraft": /*         */ "-OOYY",
  "comment.create": /*            */ "YYYYY",
  "comment.editOwn": /*           */ "OOOOO",
  "comment.moderate": /*          */ "---YY",
  "bookmark.manage": /*           */ "YYYYY",
  "contribution.submit": /*       */ "YYYYY",
  "media.upload": /*              */ "-YYYY",
  "tag.manage": /*                */ "---YY",
  "category.manage": /*           */ "----Y",
  "user.manage": /*               */ "----Y",
  "user.changeRole": /*           */ "----Y",
  "settings.manage": /*           */ "----Y",
  "audit.view": /*                */ "----Y",
  "dashboard.view": /*            */ "----Y",
  "page.manage": /*               */ "----Y",
  "site.export": /*               */ "----Y",
  "site.import": /*               */ "----Y",
  "translation.assign": /*        */ "---YY",
  "translation.claim": /*         */ "--YYY",
  "translation.tools": /*         */ "-YYYY",
  "glossary.manage": /*           */ "---YY",
  "account.twoFactor": /*         */ "OOOOO",
  "profile.editOwn": /*           */ "OOOOO",
  "account.exportOwn": /*         */ "OOOOO",
  "integration.manage": /*        */ "----Y",
};

describe("role × action matrix", () => {
  it("lists every action exactly once", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role, col) => {
      const want = EXPECTED[action][col];
      it(`${role} ${want === "Y" ? "may" : want === "O" ? "may (own only)" : "may not"} ${action}`, () => {
        const me = actor(role);
        const own = resourceFor(action, me.id);
        const others = resourceFor(action, "someone-else");
        const onOwn = can(me, action, own, NOW);
        const onOthers = can(me, action, others, NOW);
        expect({ onOwn, onOthers }).toEqual({ onOwn: want !== "-", onOthers: want === "Y" });
      });
    });
  }

  it("anonymous and suspended actors may do nothing", () => {
    for (const action of ACTIONS) {
      expect(can(null, action, resourceFor(action, "x"), NOW)).toBe(false);
      for (const role of ROLES) {
        const suspended = actor(role, { status: "SUSPENDED" });
        expect(can(suspended, action, resourceFor(action, suspended.id), NOW)).toBe(false);
      }
    }
  });
});

describe("state rules", () => {
  const translator = actor("TRANSLATOR");
  const article = (status: "DRAFT" | "IN_REVIEW" | "PUBLISHED", authorId = "someone"): Resource => ({
    kind: "article",
    authorId,
    translatorId: translator.id,
    status,
  });

  it("the translator of an article counts as its owner", () => {
    expect(can(translator, "article.editOwn", article("DRAFT"), NOW)).toBe(true);
    expect(can(translator, "article.viewDraft", article("DRAFT"), NOW)).toBe(true);
  });
  it("authors edit, submit and delete only drafts; once submitted it is the editors' call", () => {
    for (const a of ["article.editOwn", "article.submitForReview", "article.delete"] as const) {
      expect(can(translator, a, article("IN_REVIEW"), NOW)).toBe(false);
      expect(can(translator, a, article("PUBLISHED"), NOW)).toBe(false);
    }
    expect(can(actor("EDITOR"), "article.editAny", article("PUBLISHED"), NOW)).toBe(true);
    expect(can(actor("ADMIN"), "article.delete", article("PUBLISHED"), NOW)).toBe(true);
  });
  it("comments are editable by their author for 10 minutes, and never once deleted", () => {
    const me = actor("READER");
    const at = (ageMs: number, status?: "DELETED"): Resource => ({
      kind: "comment",
      authorId: me.id,
      createdAt: new Date(NOW - ageMs),
      status,
    });
    expect(can(me, "comment.editOwn", at(COMMENT_EDIT_WINDOW_MS), NOW)).toBe(true);
    expect(can(me, "comment.editOwn", at(COMMENT_EDIT_WINDOW_MS + 1), NOW)).toBe(false);
    expect(can(me, "comment.editOwn", at(1000, "DELETED"), NOW)).toBe(false);
  });
  it("an admin cannot change their own role", () => {
    const admin = actor("ADMIN");
    expect(can(admin, "user.changeRole", { kind: "user", id: admin.id }, NOW)).toBe(false);
  });
  it("an own-only grant without the object fails closed", () => {
    expect(can(actor("CONTRIBUTOR"), "article.editOwn", undefined, NOW)).toBe(false);
  });
});

describe("assertCan", () => {
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? e.code : "other";
    }
    return "allowed";
  };
  const draft: Resource = { kind: "article", authorId: "someone", status: "DRAFT" };
  const published: Resource = { kind: "article", authorId: "someone", status: "PUBLISHED" };

  it("hides someone else's draft as NOT_FOUND, refuses known objects as FORBIDDEN", () => {
    expect(code(() => assertCan(actor("CONTRIBUTOR"), "article.editOwn", draft, NOW))).toBe("NOT_FOUND");
    expect(code(() => assertCan(actor("CONTRIBUTOR"), "article.editOwn", published, NOW))).toBe("FORBIDDEN");
    expect(code(() => assertCan(actor("EDITOR"), "article.delete", draft, NOW))).toBe("FORBIDDEN");
    expect(code(() => assertCan(actor("READER"), "user.manage", undefined, NOW))).toBe("FORBIDDEN");
  });
  it("asks anonymous visitors to sign in, and passes allowed actors", () => {
    expect(code(() => assertCan(null, "comment.create", undefined, NOW))).toBe("UNAUTHENTICATED");
    expect(code(() => assertCan(actor("EDITOR"), "article.publish", draft, NOW))).toBe("allowed");
  });
});

describe("docs/authorization.md", () => {
  const symbol = { all: "✓", own: "本人", none: "—" } as const;
  it("contains the role × action table generated from POLICY", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../docs/authorization.md"), "utf8");
    const rows = ACTIONS.map((a) => `| \`${a}\` | ${ROLES.map((r) => symbol[POLICY[a][r]]).join(" | ")} |`);
    const header = `| 操作 | ${ROLES.join(" | ")} |`;
    const table = [header, `|---|${ROLES.map(() => "---").join("|")}|`, ...rows].join("\n");
    // Prettier pads table cells: compare the cells, not the padding
    const cells = (text: string) =>
      text
        .split("\n")
        .map((l) => l.replace(/ *\| */g, "|").replace(/\|-{3,}(?=\|)/g, "|---"))
        .join("\n");
    expect(cells(doc)).toContain(cells(table));
  });
});
