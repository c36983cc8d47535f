"use client";

import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { CommentTabs } from "./comment-tabs";
import { CommentThreads } from "./comment-threads";

type Props = { publicId: string; total: number; newest: ReactNode[]; oldest: ReactNode[] | null };

/**
 * Shows the list in the order named by ?order=. The threads arrive already rendered (and cached)
 * from the server, newest first; 最早 is that list reversed here unless the server sent it apart
 * (`oldest`, when reversing would not give the same list). Reading the query string in the
 * browser keeps the article page fully static instead of rendering it per request.
 */
export function CommentOrderSwitch({ publicId, total, newest, oldest }: Props) {
  const order = useSearchParams().get("order") === "oldest" ? "oldest" : "newest";
  return (
    <>
      <CommentTabs publicId={publicId} order={order} total={total} />
      <CommentThreads items={order === "newest" ? newest : (oldest ?? [...newest].reverse())} />
    </>
  );
}
