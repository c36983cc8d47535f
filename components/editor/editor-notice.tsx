"use client";

export type Notice = { kind: "error" | "info"; text: string };

/** One message about the last paste or upload, above the text, until dismissed or replaced. */
export function EditorNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  return (
    // the live region stays mounted, so screen readers announce each new message
    <div role={notice?.kind === "error" ? "alert" : "status"} data-testid="editor-notice">
      {notice && (
        <p
          className={`flex items-start gap-2 border-b px-4 py-2 text-sm ${
            notice.kind === "error"
              ? "border-red-200 bg-red-50 text-red-800"
              : "border-amber-200 bg-amber-50 text-amber-900"
          }`}
        >
          <span className="flex-1">{notice.text}</span>
          <button type="button" onClick={onDismiss} className="underline">
            知道了
          </button>
        </p>
      )}
    </div>
  );
}
