"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { staffInputClass } from "@/components/ui/input";

/** 上传图片 from the library: the same POST /api/media as the editor, then the grid reloads. */
export function UploadForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [decorative, setDecorative] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) {
      setState({ tone: "error", text: "请选择要上传的图片。" });
      return alertRef.current?.focus();
    }
    setPending(true);
    setState(null);
    try {
      const res = await fetch("/api/media", { method: "POST", body: form, credentials: "same-origin" });
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!res.ok)
        throw new Error(
          data?.error?.message ??
            (res.status === 413 ? "图片过大，没有上传。请压缩后再试。" : "图片上传失败，请稍后重试。"),
        );
      setState({ tone: "success", text: `已上传：${file.name}` });
      formRef.current?.reset();
      setDecorative(false);
      router.refresh();
    } catch (err) {
      setState({
        tone: "error",
        text:
          err instanceof TypeError
            ? "网络连接失败，图片没有上传，请检查网络后重试。"
            : (err as Error).message,
      });
      alertRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end"
    >
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-ink-900">图片文件（JPEG、PNG、GIF、WebP，最大 10 MB）</span>
        <input
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/gif,image/webp"
          required
          className="text-sm"
        />
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-ink-900">替代文本{decorative ? "（装饰性图片无需填写）" : ""}</span>
        <input
          name="alt"
          maxLength={200}
          disabled={decorative}
          className={staffInputClass}
          placeholder="描述图片内容，读屏软件会朗读"
        />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input
          type="checkbox"
          name="decorative"
          value="true"
          checked={decorative}
          onChange={(e) => setDecorative(e.target.checked)}
        />
        装饰性图片
      </label>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "正在上传…" : "上传图片"}
      </button>
      <div className="sm:col-span-4" aria-live="polite">
        {state && (
          <FormAlert tone={state.tone} ref={alertRef}>
            {state.text}
          </FormAlert>
        )}
      </div>
    </form>
  );
}
