"use client";

import { largePrimaryButton } from "@/components/ui/button";

/** The ten recovery codes, shown once: right after 2FA is turned on, or after regenerating them. */
export function RecoveryCodes({
  codes,
  title = "两步验证已开启。",
  onDone,
}: {
  codes: string[];
  title?: string;
  onDone: () => void;
}) {
  return (
    <div className="mt-3 space-y-3" aria-live="polite">
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        {title}请把下面 10
        个恢复码抄下或保存到密码管理器：手机丢失时，每个恢复码可代替动态口令登录一次。它们只显示这一次。
      </p>
      <ol
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-2 rounded bg-slate-100 p-3 font-mono text-base text-ink-900 sm:grid-cols-2"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <button type="button" onClick={onDone} className={largePrimaryButton}>
        我已保存恢复码，完成
      </button>
    </div>
  );
}
