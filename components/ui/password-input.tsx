"use client";

import { useState, type InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string };

/** A password box with a 显示 / 隐藏 button, so a long password can be checked before it is sent. */
export function PasswordInput({ className, ...input }: Props) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="relative">
      <input {...input} type={revealed ? "text" : "password"} className={`${className ?? ""} pr-16`} />
      <button
        type="button"
        onClick={() => setRevealed((r) => !r)}
        aria-pressed={revealed}
        aria-controls={input.id}
        className="absolute inset-y-0 right-0 rounded-r-md px-3 text-sm text-brand-600 hover:text-brand-700"
      >
        {revealed ? "隐藏" : "显示"}
        <span className="sr-only">密码</span>
      </button>
    </div>
  );
}
