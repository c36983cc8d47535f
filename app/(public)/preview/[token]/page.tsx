import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { LoadingPanel } from "@/components/ui/skeleton";
import { getLinkPreview } from "@/lib/services/preview/get-link-preview";
import { PreviewView } from "../preview-view";

type Props = { params: Promise<{ token: string }> };

// never indexed, never followed, never cached; the token must not leave in a Referer either
// (next.config.js adds X-Robots-Tag and Referrer-Policy: no-referrer for /preview/*)
export const metadata: Metadata = {
  title: "文章预览",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

async function LinkPreview({ params }: Props) {
  // per request, always: a revoked link must stop at once
  await connection();
  const data = await getLinkPreview((await params).token);
  // proxy.ts already answered 404 (a real status) for a dead link; this covers a link revoked since
  if (!data) notFound();
  return <PreviewView data={data} />;
}

/** 预览链接: an unpublished article for someone without an account, while the link lives. */
export default function PreviewLinkPage({ params }: Props) {
  return (
    <Suspense fallback={<LoadingPanel />}>
      <LinkPreview params={params} />
    </Suspense>
  );
}
