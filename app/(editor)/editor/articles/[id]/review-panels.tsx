"use client";

import { HistoryPanel } from "./history-panel";
import { NotesPanel } from "./notes-panel";

/** The review side of the workspace: the history and the staff notes (mounted with one line). */
export function ReviewPanels({ articleId }: { articleId: string }) {
  return (
    <>
      <HistoryPanel articleId={articleId} />
      <NotesPanel articleId={articleId} />
    </>
  );
}
