/**
 * Keyset pagination as plain links: "加载更多" goes to the page after the last item shown
 * (?before=<cursor>), so it works without JavaScript and every page has a stable URL.
 */
const MORE_CLASS = "rounded bg-brand-600 px-6 py-2 font-medium text-white hover:bg-brand-700";

export function LoadMore({
  basePath,
  nextCursor,
  isFirstPage,
  morePath = basePath,
}: {
  basePath: string;
  nextCursor: string | null;
  isFirstPage: boolean;
  /** where the older pages live when it is not basePath (the static home page sends them to /latest) */
  morePath?: string;
}) {
  if (!nextCursor && isFirstPage) return null;
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center justify-center gap-3 text-sm">
      {!isFirstPage && (
        <a
          href={basePath}
          className="rounded border border-slate-300 bg-white px-4 py-2 text-ink-900 hover:border-brand-500 hover:text-brand-600"
        >
          回到最新
        </a>
      )}
      {nextCursor ? (
        <a
          href={`${morePath}?before=${encodeURIComponent(nextCursor)}`}
          rel="next"
          data-testid="load-more"
          className={MORE_CLASS}
        >
          加载更多
        </a>
      ) : (
        <p className="text-ink-600">已经到底了</p>
      )}
    </nav>
  );
}
