"use client";

import { useId, useState } from "react";
import { ModalDialog } from "@/components/editor/modal-dialog";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";

type Props = {
  open: boolean;
  title: string;
  label: string;
  hint: string;
  confirm: string;
  /** the reviewer's reason is required; the submitter's note is not */
  required: boolean;
  pending: boolean;
  error: string;
  onConfirm: (note: string) => void;
  onClose: () => void;
};

const MAX = 1000;

/** The note that goes with a status change: 提交审核's 附言, 退回修改's or 不予采用's reason. */
export function ReasonDialog({
  open,
  title,
  label,
  hint,
  confirm,
  required,
  pending,
  error,
  onConfirm,
  onClose,
}: Props) {
  const id = useId();
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <ModalDialog open={open} title={title} onClose={onClose}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (required && !note.trim()) return setMissing(true);
          onConfirm(note.trim());
        }}
      >
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-ink-900">
          {label}
          {!required && <span className="font-normal text-ink-600">（选填）</span>}
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          rows={4}
          maxLength={MAX}
          required={required}
          aria-invalid={missing || undefined}
          aria-describedby={`${id}-hint${missing ? ` ${id}-missing` : ""}`}
          onChange={(e) => (setNote(e.target.value), setMissing(false))}
          className={inputClass()}
        />
        <p id={`${id}-hint`} className="text-xs text-ink-600">
          {hint}（{[...note].length}/{MAX}）
        </p>
        {missing && (
          <p id={`${id}-missing`} role="alert" className="text-sm text-red-700">
            请填写原因，作者会看到它。
          </p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            取消
          </button>
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "处理中…" : confirm}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
