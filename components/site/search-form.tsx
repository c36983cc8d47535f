"use client";

// A client component though it has no state: the header and the 404 boundary carry it on every
// page, and the payload then refers to it instead of carrying its markup (components/site/wordmark.tsx).
/** A plain GET form: works without JavaScript and gives every search a shareable URL. */
/** `landmark` names the search landmark; pages with several search boxes need distinct names. */
export function SearchForm({
  defaultValue = "",
  id = "site-search",
  large = false,
  landmark = "站内搜索",
}: {
  defaultValue?: string;
  id?: string;
  large?: boolean;
  landmark?: string;
}) {
  const height = large ? "h-11" : "h-9";
  return (
    <form
      role="search"
      aria-label={landmark}
      action="/search"
      method="get"
      className={`flex items-center ${large ? "max-w-xl" : ""}`}
    >
      <label htmlFor={id} className="sr-only">
        搜索文章
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={100}
        placeholder="搜索漏洞、事件、作者…"
        className={`${height} s-search-input w-full ${large ? "" : "md:w-52"}`}
      />
      <button type="submit" className={`${height} s-search-btn`}>
        <span className="sr-only">搜索</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}
