import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";
import { SiteChrome } from "@/components/site/site-chrome";

// Next.js adds <meta name="robots" content="noindex"> to not-found responses itself
export const metadata: Metadata = { title: "页面不存在" };

/** Unmatched URLs anywhere: the same 404 as the reading site, with its header and footer. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
