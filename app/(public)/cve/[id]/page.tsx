import type { Metadata } from "next";
import { CveView, cveMetadata } from "./cve-view";

type Props = { params: Promise<{ id: string }> };

// read outside Suspense on purpose, like the tag and member pages: an unknown id must answer 404.
// No searchParams (?before= is the `older` route, rewritten by proxy.ts): the first page of a CVE
// is cached whole, in the page cache and the front, like the category pages. A CVE in the news is
// the page a spike of readers asks for; it had been rendered per request for every one of them.
export const instant = false;

// cacheComponents wants at least one param; every other id renders on first request and is cached
export function generateStaticParams() {
  return [{ id: "__none__" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return cveMetadata((await params).id);
}

export default async function CvePage({ params }: Props) {
  return <CveView raw={(await params).id} />;
}
