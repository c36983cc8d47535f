/** 导语: the summary box under the title. */
export function ArticleLede({ lede }: { lede: string }) {
  if (!lede.trim()) return null;
  return (
    <p className="mt-5 rounded border-l-4 border-brand-500 bg-slate-100 px-4 py-3 text-[15px] leading-7 text-ink-600">
      <strong className="font-semibold text-ink-900">导语：</strong>
      {lede}
    </p>
  );
}
