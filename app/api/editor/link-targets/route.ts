import { secureRoute } from "@/lib/security/route";
import { findLinkTargets } from "@/lib/services/articles/find-link-targets";

/**
 * GET /api/editor/link-targets?q=… → `{ items: [{ title, url }] }`: published articles by title,
 * for the editor's link dialog. Staff who write only; the service validates q (≤ 100 characters).
 */
export const GET = secureRoute(
  { name: "editor.linkTargets", auth: "user", permission: "article.create" },
  async (_body, { req, actor }) => {
    const q = new URL(req.url).searchParams.get("q") ?? "";
    return { items: await findLinkTargets(actor, { q }) };
  },
);
