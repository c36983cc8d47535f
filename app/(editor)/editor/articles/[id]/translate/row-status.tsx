import type { WorkSegment } from "@/lib/translation/types";
import { SEGMENT_STATUS_LABELS, SEGMENT_STATUS_TONES, type RowSave } from "./labels";

const chip = "inline-block rounded px-2 py-0.5 text-xs font-medium";

/** 未翻译 / 草稿 / 已翻译 / 已审校, and 机翻待确认 while a machine's text is unconfirmed. */
export function StatusChips({ seg }: { seg: Pick<WorkSegment, "status" | "machineFilled"> }) {
  return (
    <span className="inline-flex gap-1">
      <span className={`${chip} ${SEGMENT_STATUS_TONES[seg.status]}`}>
        {SEGMENT_STATUS_LABELS[seg.status]}
      </span>
      {seg.machineFilled && <span className={`${chip} bg-violet-100 text-violet-900`}>机翻待确认</span>}
    </span>
  );
}

/** 保存中 / 已保存 / 保存失败·重试, announced politely; a conflict is shown by the row itself. */
export function RowSaveStatus({ save, onRetry }: { save: RowSave; onRetry: () => void }) {
  let body: React.ReactNode = null;
  if (save.kind === "saving") body = <span className="text-ink-600">保存中…</span>;
  else if (save.kind === "dirty") body = <span className="text-ink-600">未保存</span>;
  else if (save.kind === "saved") body = <span className="text-green-700">已保存</span>;
  else if (save.kind === "error")
    body = (
      <span className="text-red-700">
        保存失败 ·{" "}
        <button type="button" className="underline" onClick={onRetry} title={save.message}>
          重试
        </button>
      </span>
    );
  return (
    <span role="status" aria-live="polite" className="text-xs" data-testid="segment-save-status">
      {body}
    </span>
  );
}
