import type { Metadata } from "next";
import type { SearchParams } from "../../../search-params";
import { CveView, cveMetadata } from "../cve-view";

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

// /cve/<id>?before=…, rewritten here by proxy.ts (see app/(public)/category/[slug]/older/page.tsx)
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return cveMetadata((await params).id);
}

export default async function OlderCvePage({ params, searchParams }: Props) {
  return <CveView raw={(await params).id} searchParams={searchParams} />;
}
