import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isCrossSite, jsonError, jsonNoStore } from "@/lib/http/api-response";
import { getBookmarkState } from "@/lib/services/bookmarks/get-bookmark-state";
import { toggleBookmark } from "@/lib/services/bookmarks/toggle-bookmark";

type Ctx = { params: Promise<{ publicId: string }> };

/** The 收藏 button's state. Signed-out readers get a plain answer, not an error, so the button can offer login. */
export async function GET(_req: Request, ctx: Ctx) {
  await connection();
  try {
    const actor = await getCurrentUser();
    if (!actor) return jsonNoStore({ signedIn: false, bookmarked: false });
    const { publicId } = await ctx.params;
    return jsonNoStore({ signedIn: true, ...(await getBookmarkState(actor, publicId)) });
  } catch (e) {
    return jsonError(e);
  }
}

async function set(req: Request, ctx: Ctx, bookmarked: boolean) {
  try {
    if (isCrossSite(req)) throw new AppError("FORBIDDEN");
    const { publicId } = await ctx.params;
    return jsonNoStore(await toggleBookmark(await getCurrentUser(), { publicId, bookmarked }));
  } catch (e) {
    return jsonError(e);
  }
}

export const POST = (req: Request, ctx: Ctx) => set(req, ctx, true);
export const DELETE = (req: Request, ctx: Ctx) => set(req, ctx, false);
