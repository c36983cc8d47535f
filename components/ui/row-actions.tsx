import { dangerButton, secondaryButton } from "./button";

const small = "px-2 py-1";

/** 编辑 / 删除 for one row of a staff list; the names say which row to a screen reader. */
export function EditDeleteButtons({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit(): void;
  onDelete(): void;
}) {
  return (
    <>
      <button
        type="button"
        className={`${secondaryButton} ${small}`}
        aria-label={`编辑「${name}」`}
        onClick={onEdit}
      >
        编辑
      </button>
      <button
        type="button"
        className={`${dangerButton} ${small}`}
        aria-label={`删除「${name}」`}
        onClick={onDelete}
      >
        删除
      </button>
    </>
  );
}

type ConfirmProps = {
  /** unique on the page: labels the dialog */
  id: string;
  question: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
};

/** The in-row delete confirmation: the question, 确认删除 (focused) and 取消. */
export function ConfirmDelete({ id, question, pending, onConfirm, onCancel }: ConfirmProps) {
  return (
    <div role="alertdialog" aria-labelledby={id} className="space-y-2">
      <p id={id} className="text-sm">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          autoFocus
          disabled={pending}
          className={`${dangerButton} ${small}`}
          onClick={onConfirm}
        >
          {pending ? "删除中…" : "确认删除"}
        </button>
        <button type="button" className={`${secondaryButton} ${small}`} onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}

/** A row action's refusal, read out at once. */
export function RowError({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export const smallButton = small;
