/**
 * The front's line for an article page's request (deploy/nginx.conf `byline_article`), as nginx
 * writes it, for the tests of its reader (lib/services/views/view-log.mjs) and its counter.
 */

/** deploy/nginx.conf's byline_article format, the variables in their order. */
export const FRONT_FORMAT = [
  "$request_method",
  "$time_iso8601",
  "$request_uri",
  "$status",
  "$remote_addr",
  "$byline_session",
  "$upstream_cache_status",
  "$body_bytes_sent",
  "$request_time",
  "$byline_request_id",
  "$byline_fetch",
  "$cookie_bl_vid",
  "$upstream_http_x_byline_cache",
  "$http_user_agent",
] as const;

export const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/**
 * deploy/nginx.conf's `map "$http_rsc:$http_sec_fetch_user" $byline_fetch`, its entries (the
 * format test reads them from the file): how the browser fetched the page, as four fields.
 */
export const FETCH_MAP: Record<string, string> = {
  ":?1": " ?1  ",
  "1:": "1   ",
  "1:?1": "1   ",
  default: "$http_rsc $http_sec_fetch_dest $http_sec_purpose $http_purpose",
};

/** The request headers `$byline_fetch` is made of. */
type FetchHeader =
  "$http_rsc" | "$http_sec_fetch_user" | "$http_sec_fetch_dest" | "$http_sec_purpose" | "$http_purpose";

type Field = (typeof FRONT_FORMAT)[number] | FetchHeader;

/**
 * The front's line for a request, as nginx writes it (escape=none: nothing for an empty value):
 * by default a reader's Chrome opening an article page from a link (Sec-Fetch-User: ?1), from
 * the front's cache. `$byline_fetch` is made from the request's headers as FETCH_MAP says, unless
 * given.
 */
export function frontLine(values: Partial<Record<Field, string>> = {}) {
  const navigation: Record<Field, string> = {
    $request_method: "GET",
    $time_iso8601: "2026-12-02T21:00:05+08:00",
    $request_uri: "/posts/abc123",
    $status: "200",
    $remote_addr: "203.0.113.7",
    $byline_session: "0",
    $upstream_cache_status: "HIT",
    $upstream_http_x_byline_cache: "",
    $body_bytes_sent: "18342",
    $request_time: "0.000",
    $byline_request_id: "",
    $http_rsc: "",
    $http_sec_fetch_user: "?1",
    $http_sec_fetch_dest: "document",
    $http_sec_purpose: "",
    $http_purpose: "",
    $byline_fetch: "",
    $cookie_bl_vid: "AAAAAAAAAAAAAAAAAAAAAA",
    $http_user_agent: CHROME,
  };
  const field = (v: Field) => values[v] ?? navigation[v];
  const source = `${field("$http_rsc")}:${field("$http_sec_fetch_user")}`;
  // the source always holds a colon: never the key "default"
  const entry = FETCH_MAP[source] ?? FETCH_MAP.default!;
  const fetch = values.$byline_fetch ?? entry.replace(/\$\w+/g, (v) => field(v as Field));
  return FRONT_FORMAT.map((v) => (v === "$byline_fetch" ? fetch : field(v))).join(" ");
}
