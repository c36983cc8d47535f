/** 导语: the summary box under the title. */
export function ArticleLede({ lede }: { lede: string }) {
  if (!lede.trim()) return null;
  return (
    <p className="s-article-lede">
      <strong className="font-semibold text-ink-900">导语：</strong>
      {lede}
    </p>
  );
}
