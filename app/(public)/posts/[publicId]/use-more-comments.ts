"use client";

import { useCallback, useState } from "react";
import type { CommentOrder, CommentPage, PublicComment } from "@/lib/services/public/list-article-comments";

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
type JsonThread = Json<PublicComment> & { replies: Json<PublicComment>[] };

const revive = (c: Json<PublicComment>): PublicComment => ({
  ...c,
  createdAt: new Date(c.createdAt),
  editedAt: c.editedAt ? new Date(c.editedAt) : null,
});

async function fetchPage(publicId: string, order: CommentOrder, cursor: string | null): Promise<CommentPage> {
  const q = new URLSearchParams({ order });
  if (cursor) q.set("cursor", cursor);
  const r = await fetch(`/api/articles/${publicId}/comments?${q}`);
  const d = (await r.json().catch(() => null)) as
    | { threads: JsonThread[]; nextCursor: string | null; error?: undefined }
    | { error: { message: string } }
    | null;
  if (!r.ok || !d || d.error) throw new Error(d?.error?.message ?? "评论加载失败，请稍后重试。");
  return {
    threads: d.threads.map((t) => ({ ...revive(t), replies: t.replies.map(revive) })),
    nextCursor: d.nextCursor,
  };
}

/**
 * The pages of comments loaded so far, per order. 最早 is the first page reversed when that page
 * holds every thread (same tie-break both ways, so reversing is exact); otherwise its first page
 * is fetched when the reader switches to it. Later pages follow the keyset cursor.
 */
export function useMoreComments(publicId: string, first: CommentPage) {
  const [pages, setPages] = useState<Record<CommentOrder, CommentPage | null>>(() => ({
    newest: first,
    oldest: first.nextCursor === null ? { threads: [...first.threads].reverse(), nextCursor: null } : null,
  }));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (order: CommentOrder, cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const next = await fetchPage(publicId, order, cursor);
        setPages((p) => {
          const had = cursor ? (p[order]?.threads ?? []) : [];
          const seen = new Set(had.map((t) => t.id));
          return {
            ...p,
            [order]: {
              threads: [...had, ...next.threads.filter((t) => !seen.has(t.id))],
              nextCursor: next.nextCursor,
            },
          };
        });
      } catch (e) {
        setError(e instanceof Error ? e.message : "评论加载失败，请稍后重试。");
      } finally {
        setLoading(false);
      }
    },
    [publicId],
  );

  const ensure = useCallback(
    (order: CommentOrder) => {
      if (order === "oldest" && pages.oldest === null && !loading && !error) void load("oldest", null);
    },
    [pages.oldest, loading, error, load],
  );
  const loadMore = (order: CommentOrder) => {
    const cursor = pages[order]?.nextCursor;
    if (cursor && !loading) void load(order, cursor);
  };
  return { pages, loading, error, ensure, loadMore };
}
