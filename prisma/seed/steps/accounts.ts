import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/client";
import { authors } from "../data/authors";
import type { AuthorKey } from "../data/types";
import { DEMO_PASSWORD } from "../demo-accounts";
import { avatarSvg, publicIdFor } from "../lib/images";
import { saveAvatar } from "../lib/pictures";

export type SeededUsers = Map<AuthorKey, { id: string }>;

export async function seedAccounts(db: Db): Promise<SeededUsers> {
  // argon2id with the production parameters (m=19456 KiB, t=2, p=1), hashed once for all demo users
  const passwordHash = await hash(DEMO_PASSWORD, {
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const users: SeededUsers = new Map();
  for (const a of authors) {
    const id = `seed-user-${a.key}`;
    const existing = await db.user.findUnique({ where: { id }, select: { id: true } });
    if (!existing) {
      const avatar = await saveAvatar(db, avatarSvg(a.avatarColor));
      await db.user.create({
        data: {
          id,
          email: a.email.toLowerCase(),
          passwordHash,
          role: a.role,
          profile: {
            create: {
              publicId: publicIdFor(`user:${a.key}`, 6),
              displayName: a.name,
              bio: a.bio,
              avatarUrl: avatar.url,
            },
          },
        },
      });
    }
    users.set(a.key, { id });
  }
  return users;
}
