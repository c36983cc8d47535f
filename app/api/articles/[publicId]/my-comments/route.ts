import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { jsonError, jsonNoStore } from "@/lib/http/api-response";
import { publicIdSchema } from "@/lib/public-id";
import { proofRequired } from "@/lib/security/proof-of-work";
import { listMyComments } from "@/lib/services/comments/list-my-comments";

type Ctx = { params: Promise<{ publicId: string }> };

/**
 * The reader's side of an article's comments, asked after the cached page loads: who is signed
 * in, whether their next post needs the proof of work, and their own comments on this article
 * (pending ones, and which they may still edit). Never cached: it is one reader's.
 */
export async function GET(_req: Request, ctx: Ctx) {
  await connection();
  try {
    const publicId = publicIdSchema.safeParse((await ctx.params).publicId);
    if (!publicId.success) throw new AppError("NOT_FOUND");
    const actor = await getCurrentUser();
    if (!actor) return jsonNoStore({ signedIn: false });
    const [comments, proof] = await Promise.all([
      listMyComments(actor, { publicId: publicId.data }),
      proofRequired(actor.id),
    ]);
    return jsonNoStore({
      signedIn: true,
      viewer: { displayName: actor.displayName, publicId: actor.publicId },
      proofRequired: proof,
      comments,
    });
  } catch (e) {
    return jsonError(e);
  }
}
