"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The section links; the current section is marked for screen readers and by colour. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {items.map((i) => {
        const current =
          i.href === "/admin" ? path === "/admin" : path === i.href || path.startsWith(`${i.href}/`);
        return (
          <li key={i.href} className="shrink-0">
            <Link
              href={i.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded px-3 py-2 text-sm ${current ? "bg-brand-50 font-medium text-brand-700" : "text-ink-900 hover:bg-slate-100"}`}
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
