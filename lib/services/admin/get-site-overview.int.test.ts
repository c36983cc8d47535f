import { describe, expect, it } from "vitest";
import { createArticle, createUser } from "@/lib/test/factories";
import { getSiteOverview } from "./get-site-overview";

const actorOf = (u: Awaited<ReturnType<typeof createUser>>) => ({
  id: u.id,
  role: u.role,
  status: u.status,
  displayName: u.profile!.displayName,
  publicId: u.profile!.publicId,
});

describe("getSiteOverview", () => {
  it("counts articles by status and users by role for an admin", async () => {
    const admin = actorOf(await createUser({ role: "ADMIN" }));
    const before = await getSiteOverview(admin);
    await createArticle({ status: "IN_REVIEW" });
    const after = await getSiteOverview(admin);
    expect(after.articles.IN_REVIEW).toBe((before.articles.IN_REVIEW ?? 0) + 1);
    // createArticle made an EDITOR author as well
    expect(after.users.EDITOR).toBe((before.users.EDITOR ?? 0) + 1);
  });

  it("refuses editors and anonymous callers", async () => {
    const editor = actorOf(await createUser({ role: "EDITOR" }));
    await expect(getSiteOverview(editor)).rejects.toMatchObject({ name: "AppError" });
    await expect(getSiteOverview(null)).rejects.toMatchObject({ name: "AppError" });
  });
});
