import type { Metadata } from "next";
import { listCategories } from "@/lib/services/public/list-categories";
import { CategoryView, categoryMetadata } from "./category-view";

type Props = { params: Promise<{ slug: string }> };

// These pages read params outside a Suspense boundary on purpose (an unknown slug must answer 404,
// not a 200 shell). Next.js 16.4 validates a non-empty static shell when it regenerates the route
// after a tag is invalidated, and fails that render with NEXT_STATIC_GEN_BAILOUT (a 500) unless the
// route may block: listed params stay prerendered and cached either way. No searchParams here: the
// first page is cached whole (the page cache and the front store it); ?before= is the `older` route.
export const instant = false;

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.length ? categories.map((c) => ({ slug: c.slug })) : [{ slug: "__none__" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug);
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryView slug={(await params).slug} />;
}
