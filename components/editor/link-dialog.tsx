"use client";

import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { LinkSearch } from "./link-search";
import { ModalDialog } from "./modal-dialog";

type Props = {
  open: boolean;
  initialHref: string;
  /** href null removes the link; text is what to insert when nothing is selected */
  onSubmit: (href: string | null, text?: string) => void;
  onClose: () => void;
};

const isHttp = (s: string) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(s);

/**
 * 插入链接: one of our published articles found by title (/posts/<publicId>), or an http(s)
 * address, the same rule the server's sanitiser applies. Empty + 确定 removes the link.
 */
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
        onSubmit(v || null, v);
      }}
      className="space-y-4"
    >
      <LinkSearch autoFocus={!initialHref} onPick={(t) => onSubmit(t.url, t.title)} />
      <Field
        id="link-href"
        label="或填写链接地址"
        hint={error ? undefined : "留空并确定会移除链接。"}
        errors={error ? [error] : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="url"
            autoFocus={!!initialHref}
            value={href}
            onChange={(e) => setHref(e.target.value)}
            placeholder="https://"
            className={inputClass()}
          />
        )}
      </Field>
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
