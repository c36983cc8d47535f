import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { can, type Action, type Actor } from "@/lib/authz";

/**
 * The workspace gate for pages: anonymous visitors go to the login page, signed-in users without
 * the right get the not-found page (the workspace does not confirm its pages to those who may not
 * use them; proxy.ts already answered 404 for any role whose cookie says so, lib/auth/staff-paths.ts).
 * Services check again: this only shapes the page.
 */
export async function requireStaff(path: string, action: Action = "article.create"): Promise<Actor> {
  // per-user pages are rendered at request time (the session lookup uses crypto before cookies)
  await connection();
  const actor = await requireUserOrRedirect(path);
  if (!can(actor, action)) notFound();
  return actor;
}

/** No longer reached (requireStaff answers not-found); kept until the pages drop their fallback. */
export function NoAccess({ message = "你的账号没有进入编辑工作台的权限。" }: { message?: string }) {
  return (
    <div className="rounded-lg bg-white p-8 text-center">
      <h1 className="text-lg font-semibold text-ink-900">无法访问</h1>
      <p className="mt-2 text-ink-600">{message}如需成为作者或译者，请联系编辑部。</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a public page loads as a document (docs/public-site.md) */}
      <a href="/" className="mt-4 inline-block text-brand-700 underline">
        返回首页
      </a>
    </div>
  );
}
