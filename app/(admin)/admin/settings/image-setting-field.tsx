"use client";

import { useState } from "react";
import { secondaryButton } from "@/components/ui/button";
import { ImageFileField } from "@/components/ui/image-file-field";
import type { SettingImage } from "@/lib/services/settings/keys";

type Shown = Pick<SettingImage, "id" | "url" | "width" | "height">;

/** POST /api/media, as the editor does, keeping the Media id the setting stores. */
async function uploadSettingImage(file: File, alt: string): Promise<Shown> {
  const form = new FormData();
  form.append("file", file);
  form.append("alt", alt);
  let res: Response;
  try {
    res = await fetch("/api/media", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new Error("网络连接失败，图片没有上传，请检查网络后重试。");
  }
  const data = (await res.json().catch(() => null)) as
    (Partial<Shown> & { error?: { message?: string } }) | null;
  if (data?.error?.message) throw new Error(data.error.message);
  if (res.status === 413) throw new Error("图片过大，没有上传。请压缩后再试。");
  if (!res.ok || !data?.id || !data.url || !data.width || !data.height)
    throw new Error("图片上传失败，请稍后重试。");
  return { id: data.id, url: data.url, width: data.width, height: data.height };
}

/**
 * One image setting (Logo, 网站图标, 赞赏二维码): the file goes through the media pipeline
 * (POST /api/media: sniffed, re-encoded, SVG refused) and the form posts the new Media id in a
 * hidden field; 移除 posts "" so the site returns to its default. Nothing changes on the site
 * until 保存设置.
 */
export function ImageSettingField({
  name,
  label,
  hint,
  initial,
}: {
  name: "logoMediaId" | "faviconMediaId" | "tipQrMediaId";
  label: string;
  hint: string;
  initial: Shown | null;
}) {
  const [image, setImage] = useState<Shown | null>(initial);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();

  async function upload(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setError(undefined);
    try {
      setImage(await uploadSettingImage(file, label));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`setting-${name}`}>
      <input type="hidden" name={name} value={image?.id ?? ""} />
      <ImageFileField
        id={`field-${name}`}
        label={label}
        onFile={upload}
        isUploading={uploading}
        error={error}
      />
      <p className="text-xs text-ink-600">{hint}</p>
      {image ? (
        <div className="flex flex-wrap items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own /media file, sized */}
          <img
            src={image.url}
            width={image.width}
            height={image.height}
            alt={`${label}预览`}
            className="h-12 w-auto rounded border border-slate-200 bg-slate-50 object-contain"
          />
          <button type="button" className={secondaryButton} onClick={() => setImage(null)}>
            移除{label}
          </button>
        </div>
      ) : (
        <p className="text-sm text-ink-600">未设置：使用默认。</p>
      )}
    </div>
  );
}
