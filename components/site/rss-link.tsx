export function RssLink({ href, label = "RSS 订阅" }: { href: string; label?: string }) {
  return (
    <a
      href={href}
      className="inline-flex items-center gap-1 rounded border border-orange-300 bg-orange-50 px-2 py-1 text-xs text-orange-800 hover:bg-orange-100"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5">
        <circle cx="3" cy="13" r="2" fill="currentColor" />
        <path d="M1 7a8 8 0 018 8M1 2a13 13 0 0113 13" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      {label}
    </a>
  );
}
