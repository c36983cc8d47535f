import { Field } from "./field";

type Props = {
  id: string;
  label: string;
  /** called with the chosen file (the caller uploads it) */
  onFile: (file: File | undefined) => void;
  isUploading: boolean;
  disabled?: boolean;
  /** an upload that failed, announced at once */
  error?: string;
};

/** A file picker for one image, with 上传中… while the caller's upload runs. */
export function ImageFileField({ id, label, onFile, isUploading, disabled, error }: Props) {
  return (
    <Field id={id} label={label} errors={error ? [error] : undefined} errorRole="alert">
      {(p) => (
        <>
          <input
            {...p}
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            disabled={disabled || isUploading}
            onChange={(e) => onFile(e.target.files?.[0])}
            className="block w-full text-sm"
          />
          {isUploading && (
            <p role="status" className="text-sm text-ink-600">
              上传中…
            </p>
          )}
        </>
      )}
    </Field>
  );
}
