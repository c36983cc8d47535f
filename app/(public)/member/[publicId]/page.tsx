import type { Metadata } from "next";
import { listStaticParams } from "@/lib/services/public/list-static-params";
import { MemberView, memberMetadata } from "./member-view";

type Props = { params: Promise<{ publicId: string }> };

// See app/(public)/category/[slug]/page.tsx: may block, no searchParams (?before= is `older`).
export const instant = false;

export async function generateStaticParams() {
  return (await listStaticParams()).members.map((publicId) => ({ publicId }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return memberMetadata((await params).publicId);
}

export default async function MemberPage({ params }: Props) {
  return <MemberView publicId={(await params).publicId} />;
}
