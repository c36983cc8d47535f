import "server-only";
import sharp from "sharp";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sniffImage } from "@/lib/media/sniff-image";
import { saveMedia } from "@/lib/media/save-media";
import { audit } from "@/lib/audit";
import { safeText } from "@/lib/validation";
import { invalidatePublic } from "@/lib/services/articles/side-effects";

/** Server actions carry at most 1 MB; an avatar needs far less. */
const MAX_AVATAR_BYTES = 900 * 1024;
const AVATAR_SIZE = 256;

/** 个人资料 fields, exactly: role, status or anything else sent along is refused. */
export const updateProfileSchema = z.strictObject({
  displayName: safeText(32, { min: 2 }),
  bio: safeText(500),
  /** a new picture; absent or empty keeps the current one */
  avatar: z.instanceof(Blob).optional(),
  removeAvatar: z.enum(["on", "true"]).optional(),
});

export type ProfileView = { displayName: string; bio: string; avatarUrl: string | null; publicId: string };

const invalidAvatar = (message: string) =>
  new AppError("INVALID", message, { fieldErrors: { avatar: [message] } });

/** Any image in, a 256×256 WebP out (cropped to the centre, metadata dropped). */
async function avatarFrom(blob: Blob): Promise<Buffer> {
  if (blob.size > MAX_AVATAR_BYTES) throw invalidAvatar("头像图片不能超过 900 KB，请换一张小一些的图片。");
  const data = Buffer.from(await blob.arrayBuffer());
  if (!(await sniffImage(data))) throw invalidAvatar("头像只支持 JPEG、PNG、GIF 和 WebP 图片。");
  try {
    return await sharp(data, { limitInputPixels: 8000 * 8000, failOn: "error" })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw invalidAvatar("图片文件已损坏或无法识别，请换一张图片。");
  }
}

/**
 * 修改个人资料: display name, bio and avatar of the actor's own profile (never anyone else's:
 * there is no user id in the input). Audited; public pages showing the name are invalidated.
 */
export async function updateProfile(actor: Actor | null, input: unknown): Promise<ProfileView> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  assertCan(actor, "profile.editOwn", { kind: "user", id: actor.id });
  const data = updateProfileSchema.parse(input);
  const avatar = data.avatar && data.avatar.size > 0 ? await avatarFrom(data.avatar) : null;

  const profile = await db.$transaction(async (tx) => {
    const media = avatar
      ? await saveMedia(tx, {
          data: avatar,
          mime: "image/webp",
          uploaderId: actor.id,
          alt: null,
          width: AVATAR_SIZE,
          height: AVATAR_SIZE,
        })
      : null;
    const before = await tx.profile.findUniqueOrThrow({
      where: { userId: actor.id },
      select: { displayName: true, bio: true, avatarUrl: true },
    });
    const avatarUrl = media ? media.url : data.removeAvatar ? null : before.avatarUrl;
    const after = await tx.profile.update({
      where: { userId: actor.id },
      data: { displayName: data.displayName, bio: data.bio || null, avatarUrl },
      select: { displayName: true, bio: true, avatarUrl: true, publicId: true },
    });
    const changed = (["displayName", "bio", "avatarUrl"] as const).filter(
      (k) => (before[k] ?? null) !== (after[k] ?? null),
    );
    if (changed.length)
      await audit(tx, {
        actorId: actor.id,
        action: "profile.update",
        targetType: "user",
        targetId: actor.id,
        meta: { changed },
      });
    return after;
  });
  // the name, bio and picture show on the author page, article bylines and comments
  invalidatePublic([tags.author(actor.id), tags.articles(), tags.latestComments()]);
  return {
    displayName: profile.displayName,
    bio: profile.bio ?? "",
    avatarUrl: profile.avatarUrl,
    publicId: profile.publicId,
  };
}

export async function getOwnProfile(actor: Actor): Promise<ProfileView> {
  const p = await db.profile.findUniqueOrThrow({
    where: { userId: actor.id },
    select: { displayName: true, bio: true, avatarUrl: true, publicId: true },
  });
  return { ...p, bio: p.bio ?? "" };
}
