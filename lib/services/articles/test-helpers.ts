// Shared by the *.int.test.ts files of this folder: actors and a valid body, built from lib/test factories.
import type { Actor } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser, paragraphs } from "@/lib/test/factories";

export async function createActor(role: Role): Promise<Actor> {
  const u = await createUser({ role });
  return {
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
}

export const doc = (...texts: string[]) => paragraphs(...texts);
