import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";

// auth() needs a request; the session it would return is set per test instead.
const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string; role: string; sessionVersion: number } },
}));
vi.mock("./index", () => ({ auth: async () => session.current }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
}));

const { getCurrentUser, getCurrentUserSummary, requireRole, requireUser, requireUserOrRedirect } =
  await import("./session");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : (e as Error).message),
  );

describe("lib/auth/session", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("builds the actor from the database, not from the token", async () => {
    const user = await createUser({ role: "EDITOR", displayName: "陈编辑" });
    session.current = { user: { id: user.id, role: "READER", sessionVersion: 1 } };
    expect(await getCurrentUser()).toEqual({
      id: user.id,
      role: "EDITOR",
      status: "ACTIVE",
      displayName: "陈编辑",
      publicId: user.profile!.publicId,
    });
    expect(await getCurrentUserSummary()).toEqual({
      displayName: "陈编辑",
      publicId: user.profile!.publicId,
      role: "EDITOR",
      avatarUrl: null,
    });
  });

  it("has no actor for anonymous visitors, suspended users and outdated session versions", async () => {
    expect(await getCurrentUser()).toBeNull();
    const user = await createUser();
    session.current = { user: { id: user.id, role: "READER", sessionVersion: 1 } };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
    expect(await getCurrentUser()).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1, status: "SUSPENDED" } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("requireUser / requireRole throw AppErrors; the page helper redirects to login with next", async () => {
    expect(await code(requireUser())).toBe("UNAUTHENTICATED");
    expect(await code(requireUserOrRedirect("/editor/drafts"))).toBe(
      "redirect:/login?next=%2Feditor%2Fdrafts",
    );
    const reader = await createUser({ role: "READER" });
    session.current = { user: { id: reader.id, role: "READER", sessionVersion: 1 } };
    expect(await code(requireRole("EDITOR", "ADMIN"))).toBe("FORBIDDEN");
    expect(await code(requireRole("READER"))).toBe("ok");
  });

  it("while 2FA is required of staff, an editor without it acts as a reader and is sent to the setup page", async () => {
    const editor = await createUser({ role: "EDITOR" });
    const enrolled = await createUser({ role: "ADMIN" });
    await db.user.update({
      where: { id: enrolled.id },
      data: { totpEnabledAt: new Date(), totpSecret: "v1.sealed" },
    });
    const as = (u: { id: string }) =>
      (session.current = { user: { id: u.id, role: "EDITOR", sessionVersion: 1 } });
    await db.siteSetting.upsert({
      where: { key: "security.requireStaffTotp" },
      create: { key: "security.requireStaffTotp", value: true },
      update: { value: true },
    });
    try {
      as(editor);
      expect((await getCurrentUser())?.role).toBe("READER");
      expect(await code(requireRole("EDITOR", "ADMIN"))).toBe("FORBIDDEN");
      expect(await code(requireUserOrRedirect("/editor"))).toBe("redirect:/me/two-factor");
      expect(await code(requireUserOrRedirect("/me/two-factor"))).toBe("ok");
      as(enrolled);
      expect((await getCurrentUser())?.role).toBe("ADMIN");
      expect(await code(requireUserOrRedirect("/admin"))).toBe("ok");
    } finally {
      await db.siteSetting.deleteMany({ where: { key: "security.requireStaffTotp" } });
    }
    as(editor);
    expect((await getCurrentUser())?.role).toBe("EDITOR");
  });
});
