import type { Metadata } from "next";
import type { SearchParams } from "../../../search-params";
import { CategoryView, categoryMetadata } from "../category-view";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

// /category/<slug>?before=…, rewritten here by proxy.ts (this path itself is a 404 there): the
// older pages read the cursor, so they render per request; the first page stays cached whole.
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug);
}

export default async function OlderCategoryPage({ params, searchParams }: Props) {
  return <CategoryView slug={(await params).slug} searchParams={searchParams} />;
}
