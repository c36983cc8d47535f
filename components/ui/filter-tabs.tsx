import Link from "next/link";

type FilterTab = {
  key: string;
  href: string;
  label: string;
  /** omitted where counting every tab would cost a query each */
  count?: number;
  isCurrent: boolean;
  /** on the count, for tests that read it */
  countTestId?: string;
};

/** Tabs that filter a list by status (工作台, 评论审核): plain links, the current one marked. */
export function FilterTabs({ tabs, label = "按状态筛选" }: { tabs: FilterTab[]; label?: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.isCurrent ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.isCurrent ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-ink-600 hover:text-ink-900"}`}
        >
          {t.label}
          {t.count !== undefined && (
            <>
              {" "}
              <span className="text-xs text-ink-600" data-testid={t.countTestId}>
                {t.count}
              </span>
            </>
          )}
        </Link>
      ))}
    </nav>
  );
}
