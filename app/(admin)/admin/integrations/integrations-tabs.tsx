import Link from "next/link";

const TABS = [
  { href: "/admin/integrations/webhooks", label: "Webhooks" },
  { href: "/admin/integrations/tokens", label: "API 令牌" },
  { href: "/admin/integrations/api", label: "API 文档" },
] as const;

/** The 集成 section's pages: outgoing webhooks, Admin API tokens and the API reference. */
export function IntegrationsTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="集成" className="flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-ink-600 hover:text-ink-900 aria-[current=page]:border-brand-600 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
