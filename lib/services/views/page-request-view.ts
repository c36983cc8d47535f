import { SERVER_TIMING } from "./view-log.mjs";

/** A navigation entry, with what Chromium adds to it (not yet in TypeScript's DOM types). */
export type NavigationEntry = {
  name: string;
  serverTiming?: readonly { name: string }[];
  activationStart?: number;
  deliveryType?: string;
  type?: string;
  transferSize?: number;
};

/**
 * Whether an article page's own request was counted as its view (view-count.tsx then sends no
 * beacon): the page came from the server's page cache or the front, which log it
 * (lib/services/views/view-log.mjs) and say so in Server-Timing. Not for a client-side navigation
 * (the document is another page's) nor for a page rendered for a signed-in reader (no such
 * header): those report the view with the beacon. Nor for a page the browser prerendered or
 * prefetched before the reader opened it: that request said so (Sec-Purpose), was not counted,
 * and its stored answer still carries the header. Nor for a page the browser showed from its cache
 * without asking (a link's prefetch; nothing transferred), except on a return through the history,
 * counted when the page was first opened. A copy it revalidated was asked for: its 304 is logged.
 */
export function countedByPageRequest(nav: NavigationEntry | undefined, publicId: string): boolean {
  if (!nav || new URL(nav.name).pathname !== `/posts/${publicId}`) return false;
  if ((nav.activationStart ?? 0) > 0 || nav.deliveryType === "navigational-prefetch") return false;
  if (nav.deliveryType === "cache" && nav.transferSize === 0 && nav.type !== "back_forward") return false;
  return (nav.serverTiming ?? []).some((t) => t.name === SERVER_TIMING);
}

/**
 * Runs `fn` once the reader sees the page: at once, or when a prerendered page (which runs its
 * scripts before anyone opens it, perhaps never) is opened.
 */
export function whenShown(
  doc: Pick<Document, "addEventListener"> & { prerendering?: boolean },
  fn: () => void,
) {
  if (doc.prerendering) doc.addEventListener("prerenderingchange", fn, { once: true });
  else fn();
}
