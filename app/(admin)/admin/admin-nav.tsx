import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { PendingBadge } from "@/components/auth/moderation-link";
import { can, type Action } from "@/lib/authz";
import { countPendingComments } from "@/lib/services/moderation/count-pending-comments";

/** `section`: the path prefix that marks the link current, when it differs from the link (集成's two tabs). */
const SECTIONS: { href: string; label: string; action: Action; section?: string }[] = [
  { href: "/admin", label: "站点概览", action: "dashboard.view" },
  { href: "/admin/users", label: "用户管理", action: "user.manage" },
  { href: "/admin/comments", label: "评论审核", action: "comment.moderate" },
  { href: "/admin/categories", label: "分类管理", action: "category.manage" },
  { href: "/admin/tags", label: "标签管理", action: "tag.manage" },
  { href: "/admin/pages", label: "页面管理", action: "page.manage" },
  { href: "/admin/navigation", label: "导航菜单", action: "settings.manage" },
  { href: "/admin/settings", label: "站点设置", action: "settings.manage" },
  { href: "/admin/transfer", label: "导出与导入", action: "site.export" },
  {
    href: "/admin/integrations/webhooks",
    label: "集成",
    action: "integration.manage",
    section: "/admin/integrations",
  },
  { href: "/admin/audit", label: "审计日志", action: "audit.view" },
];

/**
 * Side navigation with only the sections the actor's role may use (lib/authz.ts); editors see
 * 评论审核, with the number of comments waiting. Plain <a>, not <Link>: no client component inside the streamed part of the layout
 * (see nav-links.tsx).
 */
export async function AdminNav() {
  await connection(); // request time: the session lookup uses crypto before cookies
  const actor = await getCurrentUser();
  const items = SECTIONS.filter((s) => can(actor, s.action));
  if (!items.length) return null;
  const pending = await countPendingComments(actor);
  return (
    <nav aria-label="管理功能">
      <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
        {items.map((i) => (
          <li key={i.href} className="shrink-0">
            <a
              href={i.href}
              data-section={i.section ?? i.href}
              className="block rounded px-3 py-2 text-sm text-ink-900 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
            >
              {i.label}
              {i.href === "/admin/comments" && pending !== null && <PendingBadge count={pending} />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
