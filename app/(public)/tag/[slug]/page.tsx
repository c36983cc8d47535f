import type { Metadata } from "next";
import { listStaticParams } from "@/lib/services/public/list-static-params";
import { TagView, tagMetadata } from "./tag-view";

type Props = { params: Promise<{ slug: string }> };

// See app/(public)/category/[slug]/page.tsx: may block, no searchParams (?before= is `older`).
export const instant = false;

export async function generateStaticParams() {
  return (await listStaticParams()).tags.map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function TagPage({ params }: Props) {
  return <TagView slug={(await params).slug} />;
}
