import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { z } from "zod";
import { jsonError, jsonNoStore } from "@/lib/http/api-response";
import { idParam, secureRoute } from "@/lib/security/route";
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

const params = z.strictObject({ publicId: idParam });

const set = (bookmarked: boolean) =>
  secureRoute(
    {
      name: bookmarked ? "bookmark.add" : "bookmark.remove",
      auth: "user",
      permission: "bookmark.manage",
      params,
    },
    (_body, { actor, params }) => toggleBookmark(actor, { publicId: params.publicId, bookmarked }),
  );

export const POST = set(true);
export const DELETE = set(false);
