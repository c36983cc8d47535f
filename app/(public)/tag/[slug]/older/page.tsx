import type { Metadata } from "next";
import type { SearchParams } from "../../../search-params";
import { TagView, tagMetadata } from "../tag-view";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

// /tag/<slug>?before=…, rewritten here by proxy.ts (see app/(public)/category/[slug]/older/page.tsx)
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function OlderTagPage({ params, searchParams }: Props) {
  return <TagView slug={(await params).slug} searchParams={searchParams} />;
}
