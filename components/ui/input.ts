// Text inputs, selects and textareas share one look. A field with an error gets a red border from
// its own aria-invalid (set by Field), so the colour can never disagree with what is announced.

const sizes = {
  /** the dense staff screens (管理后台 filters and forms) */
  sm: "px-3 py-2 text-sm",
  /** the editor workspace and the reader's forms */
  md: "px-3 py-2 text-[15px]",
  /** sign-in, registration and the account forms: a larger touch target */
  lg: "px-3 py-2.5 text-[15px]",
} as const;

export function inputClass({ size = "md" }: { size?: keyof typeof sizes } = {}) {
  return `block w-full rounded-md border border-slate-300 bg-white ${sizes[size]} text-ink-900 placeholder:text-ink-400 focus:border-brand-600 disabled:bg-slate-100 aria-[invalid=true]:border-red-500`;
}

/** The dense inputs of the staff screens. */
export const staffInputClass = inputClass({ size: "sm" });
