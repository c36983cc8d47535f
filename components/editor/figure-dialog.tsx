"use client";

import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImageFileField } from "@/components/ui/image-file-field";
import { inputClass } from "@/components/ui/input";
import { ModalDialog } from "./modal-dialog";
import { uploadImageFile } from "./upload-image";
import { IMAGE_URL_MESSAGE, isOwnImageUrl } from "@/lib/content/image-url";

export type FigureAttrs = {
  src: string;
  alt: string;
  caption: string;
  width: number | null;
  height: number | null;
  /** the upload's WebP renditions (set by an upload, cleared when the address is typed) */
  srcset?: string | null;
  /** marked on purpose as decoration: no alt text, screen readers skip it */
  decorative?: boolean;
};
type Props = {
  open: boolean;
  initial: FigureAttrs | null;
  onSubmit: (attrs: FigureAttrs) => void;
  onClose: () => void;
};

/** 插入图片: upload a file or give an address, then alt text (required unless decorative) and an optional caption. */
export function FigureDialog({ open, initial, onSubmit, onClose }: Props) {
  return (
    <ModalDialog open={open} title={initial ? "编辑图片" : "插入图片"} onClose={onClose}>
      <FigureForm initial={initial} onSubmit={onSubmit} onClose={onClose} />
    </ModalDialog>
  );
}

function FigureForm({ initial, onSubmit, onClose }: Omit<Props, "open">) {
  const [a, setA] = useState<FigureAttrs>(
    initial ?? { src: "", alt: "", caption: "", width: null, height: null },
  );
  const [error, setError] = useState("");
  const [uploading, setUploading] = useState(false);

  async function upload(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setError("");
    try {
      const r = await uploadImageFile(file, a.alt);
      setA((x) => ({ ...x, src: r.url, width: r.width, height: r.height, srcset: r.srcset }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // the CSP shows images from this site only: anything else would be refused on save
    if (!isOwnImageUrl(a.src.trim())) return setError(IMAGE_URL_MESSAGE);
    if (!a.decorative && !a.alt.trim())
      return setError(
        "请填写替代文本：它会被读屏软件朗读，图片加载失败时也会显示。纯装饰的图片请勾选“装饰性图片”。",
      );
    onSubmit({
      ...a,
      decorative: !!a.decorative,
      src: a.src.trim(),
      alt: a.decorative ? "" : a.alt.trim().slice(0, 200),
      caption: a.caption.trim().slice(0, 200),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-busy={uploading || undefined}>
      <ImageFileField
        id="figure-file"
        label="上传图片（JPEG/PNG/GIF/WebP，≤ 10 MB）"
        onFile={upload}
        isUploading={uploading}
      />
      <Field id="figure-src" label="或填写本站图片地址（/media/…）">
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="url"
            value={a.src}
            onChange={(e) => setA({ ...a, src: e.target.value, width: null, height: null, srcset: null })}
            placeholder="/media/…"
            className={inputClass()}
          />
        )}
      </Field>
      {isOwnImageUrl(a.src) && (
        // eslint-disable-next-line @next/next/no-img-element -- preview of an uploaded image
        <img src={a.src} alt="" className="max-h-40 rounded border border-slate-200 object-contain" />
      )}
      <Field id="figure-alt" label={a.decorative ? "替代文本（装饰性图片无需填写）" : "替代文本（必填）"}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={200}
            disabled={a.decorative}
            value={a.decorative ? "" : a.alt}
            onChange={(e) => setA({ ...a, alt: e.target.value })}
            placeholder="描述图片内容，例如：攻击链示意图"
            className={inputClass()}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm text-ink-900">
        <input
          type="checkbox"
          checked={!!a.decorative}
          onChange={(e) => setA({ ...a, decorative: e.target.checked })}
        />
        装饰性图片（不传达信息，读屏软件会跳过）
      </label>
      <Field id="figure-caption" label="图注（可选）">
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={200}
            value={a.caption}
            onChange={(e) => setA({ ...a, caption: e.target.value })}
            placeholder="例如：图1 攻击流程"
            className={inputClass()}
          />
        )}
      </Field>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-1">
        <button type="button" onClick={onClose} className={secondaryButton}>
          取消
        </button>
        <button type="submit" disabled={uploading} className={primaryButton}>
          {initial ? "更新图片" : "插入图片"}
        </button>
      </div>
    </form>
  );
}
