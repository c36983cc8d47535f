"use client";

import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { CommentTabs } from "./comment-tabs";

type Props = { publicId: string; total: number; newest: ReactNode; oldest: ReactNode };

/**
 * Shows the list in the order named by ?order=. Both orders arrive already rendered (and
 * cached) from the server; reading the query string here, in the browser, keeps the article
 * page fully static instead of rendering it per request.
 */
export function CommentOrderSwitch({ publicId, total, newest, oldest }: Props) {
  const order = useSearchParams().get("order") === "oldest" ? "oldest" : "newest";
  return (
    <>
      <CommentTabs publicId={publicId} order={order} total={total} />
      {order === "oldest" ? oldest : newest}
    </>
  );
}
