import type { NavItem } from "@/lib/services/navigation/schemas";

/**
 * Header links from 导航菜单. Plain <a>: public pages load documents (docs/public-site.md). A link
 * that opens a new window says so to screen readers and gets no window.opener or referrer.
 */
export function HeaderLinks({ items }: { items: NavItem[] }) {
  return items.map((l, i) => (
    <a
      key={`${i}-${l.href}`}
      href={l.href}
      className="s-nav-a"
      data-nav-link
      {...(l.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {l.label}
      {l.newTab && <span className="sr-only">（在新窗口打开）</span>}
    </a>
  ));
}
