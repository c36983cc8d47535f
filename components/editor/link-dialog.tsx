"use client";

import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { ModalDialog } from "./modal-dialog";

type Props = {
  open: boolean;
  initialHref: string;
  onSubmit: (href: string | null) => void;
  onClose: () => void;
};

const isHttp = (s: string) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(s);

/** 插入链接: http(s) only, the same rule the server's sanitiser applies. Empty + 确定 removes the link. */
export function LinkDialog({ open, initialHref, onSubmit, onClose }: Props) {
  return (
    <ModalDialog open={open} title="插入链接" onClose={onClose}>
      <LinkForm initialHref={initialHref} onSubmit={onSubmit} onClose={onClose} />
    </ModalDialog>
  );
}

function LinkForm({ initialHref, onSubmit, onClose }: Omit<Props, "open">) {
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState("");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const v = href.trim();
        if (v && !isHttp(v)) return setError("请输入以 http:// 或 https:// 开头的完整网址。");
        onSubmit(v || null);
      }}
      className="space-y-4"
    >
      <div className="space-y-1.5">
        <label htmlFor="link-href" className="block text-sm font-medium">
          链接地址
        </label>
        <input
          id="link-href"
          type="url"
          autoFocus
          value={href}
          onChange={(e) => setHref(e.target.value)}
          placeholder="https://"
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={error ? "link-href-error" : "link-href-hint"}
          className={inputClass()}
        />
        {error ? (
          <p id="link-href-error" className="text-sm text-red-600">
            {error}
          </p>
        ) : (
          <p id="link-href-hint" className="text-xs text-ink-600">
            留空并确定会移除链接。
          </p>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className={secondaryButton}>
          取消
        </button>
        <button type="submit" className={primaryButton}>
          确定
        </button>
      </div>
    </form>
  );
}
