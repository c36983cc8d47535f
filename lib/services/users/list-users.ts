import "server-only";
import { z } from "zod";
import { assertCan, ROLES, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { isSafeText } from "@/lib/validation";

const USERS_PAGE_SIZE = 25;

// Query-string input: anything malformed falls back to "no filter" instead of an error page.
const inputSchema = z.object({
  q: z.string().trim().max(254).refine(isSafeText).catch("").default(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["ACTIVE", "SUSPENDED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  publicId: string;
  role: Role;
  status: UserStatus;
  createdAt: Date;
  lastLoginAt: Date | null;
};

export type UserList = {
  items: UserRow[];
  total: number;
  page: number;
  pageCount: number;
  filters: { q: string; role?: Role; status?: UserStatus };
};

/** 用户管理: search by email or display name (case-insensitive), filter by role and status, 25 a page, newest first. */
export async function listUsers(actor: Actor | null, input: Record<string, unknown> = {}): Promise<UserList> {
  assertCan(actor, "user.manage");
  const { q, role, status, page } = inputSchema.parse(input);
  const where: Prisma.UserWhereInput = {
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    ...(q
      ? {
          OR: [
            { email: { contains: q, mode: "insensitive" } },
            { profile: { displayName: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        role: true,
        status: true,
        createdAt: true,
        lastLoginAt: true,
        profile: { select: { displayName: true, publicId: true } },
      },
    }),
  ]);
  return {
    items: rows.map(({ profile, ...u }) => ({
      ...u,
      displayName: profile?.displayName ?? "（无资料）",
      publicId: profile?.publicId ?? "",
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    filters: { q, role, status },
  };
}
