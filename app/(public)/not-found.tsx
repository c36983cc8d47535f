import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";

// Next.js adds <meta name="robots" content="noindex"> to not-found responses itself
export const metadata: Metadata = { title: "页面不存在" };

export default function PublicNotFound() {
  return <NotFoundContent />;
}
