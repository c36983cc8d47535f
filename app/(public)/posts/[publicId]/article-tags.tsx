export function ArticleTags({ tags }: { tags: { slug: string; name: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <div className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-ink-600">标签：</span>
      <ul className="flex flex-wrap gap-2">
        {tags.map((t) => (
          <li key={t.slug}>
            <a href={`/tag/${t.slug}`} className="s-tag">
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
