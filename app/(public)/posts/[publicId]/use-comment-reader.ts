"use client";

import { useCallback, useEffect, useState } from "react";
import type { MyComment } from "@/lib/services/comments/list-my-comments";

/** A reader's own comment on this article, as the my-comments route sends it (dates revived). */
export type OwnComment = Omit<MyComment, "article">;
export type Reader =
  | { kind: "loading" }
  | { kind: "signed-out" }
  | {
      kind: "signed-in";
      displayName: string;
      publicId: string;
      proofRequired: boolean;
      mine: Map<string, OwnComment>;
    };

type Answer =
  | { signedIn: false }
  | {
      signedIn: true;
      viewer: { displayName: string; publicId: string };
      proofRequired: boolean;
      comments: (Omit<OwnComment, "createdAt" | "editedAt" | "editableUntil"> & {
        createdAt: string;
        editedAt: string | null;
        editableUntil: string | null;
      })[];
    };

const date = (s: string | null) => (s ? new Date(s) : null);

/**
 * Who is reading and what they wrote here, asked after load (GET …/my-comments, no-store): the
 * article page is one cached HTML for everyone, so nothing per-reader is ever in it. `reload`
 * after a post, an edit or a delete shows the change at once, before the cached list catches up.
 */
export function useCommentReader(publicId: string) {
  const [reader, setReader] = useState<Reader>({ kind: "loading" });
  const reload = useCallback(async () => {
    try {
      const r = await fetch(`/api/articles/${publicId}/my-comments`, {
        credentials: "same-origin",
        cache: "no-store",
      });
      const d = (r.ok ? await r.json() : { signedIn: false }) as Answer;
      if (!d.signedIn) return setReader({ kind: "signed-out" });
      const mine = new Map<string, OwnComment>();
      for (const c of d.comments) {
        mine.set(c.id, {
          ...c,
          createdAt: new Date(c.createdAt),
          editedAt: date(c.editedAt),
          editableUntil: date(c.editableUntil),
        });
      }
      setReader({ kind: "signed-in", ...d.viewer, proofRequired: d.proofRequired, mine });
    } catch {
      setReader((r) => (r.kind === "loading" ? { kind: "signed-out" } : r));
    }
  }, [publicId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the answer arrives asynchronously
    void reload();
  }, [reload]);
  return { reader, reload };
}
