"use client";

import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import type { CorrectionKind } from "@/lib/generated/prisma/enums";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";

/** "" is a minor edit: no public note. */
export type CorrectionDraft = { kind: "" | CorrectionKind; note: string };
export const NO_CORRECTION: CorrectionDraft = { kind: "", note: "" };

const MAX_NOTE = 500;

/** The draft as the action takes it, or an error message when a kind was chosen without a note. */
export function correctionInput(
  d: CorrectionDraft,
): { ok: true; value: { kind: CorrectionKind; note: string } | null } | { ok: false; message: string } {
  if (!d.kind) return { ok: true, value: null };
  const note = d.note.trim();
  if (!note) return { ok: false, message: `请填写「${CORRECTION_KIND_LABELS[d.kind]}」的公开说明。` };
  return { ok: true, value: { kind: d.kind, note } };
}

/**
 * 修改类型 and 公开说明: whether a change to a live article is a minor edit (silent) or a
 * correction, update or source update with a dated note shown on the article, in the feed and on
 * /corrections. Used by 更新 (the note goes live with the text) and by 记录更正 (a note alone).
 */
export function CorrectionFields({
  id,
  value,
  onChange,
  disabled,
  allowMinor,
  wide = false,
}: {
  id: string;
  value: CorrectionDraft;
  onChange: (v: CorrectionDraft) => void;
  disabled: boolean;
  /** 更新 may be a minor edit; a note on its own must have a kind */
  allowMinor: boolean;
  /** side by side on a wide screen (the banner); stacked in the side column */
  wide?: boolean;
}) {
  return (
    <div className={wide ? "grid gap-3 sm:grid-cols-[12rem_1fr]" : "grid gap-3"}>
      <Field id={`${id}-kind`} label="修改类型">
        {(p) => (
          <select
            {...p}
            value={value.kind}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, kind: e.target.value as CorrectionDraft["kind"] })}
            className={inputClass()}
          >
            {allowMinor ? <option value="">小修改（不公开说明）</option> : <option value="">请选择</option>}
            {Object.entries(CORRECTION_KIND_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-note`}
        label="公开说明"
        note={`（最多 ${MAX_NOTE} 字）`}
        hint="读者会在文章顶部、RSS 和「更正与更新」页看到这段说明和时间。"
      >
        {(p) => (
          <textarea
            {...p}
            value={value.note}
            rows={2}
            maxLength={MAX_NOTE}
            disabled={disabled || !value.kind}
            onChange={(e) => onChange({ ...value, note: e.target.value })}
            placeholder={
              value.kind ? "例如：原文误将受影响版本写作 2.4，已更正为 2.3。" : "选择修改类型后填写"
            }
            className={inputClass()}
          />
        )}
      </Field>
    </div>
  );
}
