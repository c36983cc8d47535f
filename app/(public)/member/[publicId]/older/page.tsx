import type { Metadata } from "next";
import type { SearchParams } from "../../../search-params";
import { MemberView, memberMetadata } from "../member-view";

type Props = { params: Promise<{ publicId: string }>; searchParams: SearchParams };

// /member/<id>?before=…, rewritten here by proxy.ts (see app/(public)/category/[slug]/older/page.tsx)
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return memberMetadata((await params).publicId);
}

export default async function OlderMemberPage({ params, searchParams }: Props) {
  return <MemberView publicId={(await params).publicId} searchParams={searchParams} />;
}
