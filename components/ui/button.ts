// Button classes, for <button> and for links that act as buttons, so both look alike everywhere.
// Plain strings rather than a component: forms pass them to ActionForm, links to <Link>.

const base =
  "inline-flex items-center justify-center rounded-md disabled:cursor-not-allowed disabled:opacity-60";

/** The one main action of a form or page. */
export const primaryButton = `${base} bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700`;

/** The same, sized to sit under the 15 px inputs of the reader's forms. */
export const largePrimaryButton = `${base} bg-brand-600 px-5 py-2.5 text-[15px] font-medium text-white hover:bg-brand-700`;

export const secondaryButton = `${base} border border-slate-300 bg-white px-4 py-2 text-sm text-ink-900 hover:bg-slate-50`;

/** Irreversible actions after a confirmation (删除). */
export const dangerButton = `${base} bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700`;

/** A destructive action that is not the point of the page (关闭两步验证). */
export const quietDangerButton = `${base} border border-red-300 bg-white px-4 py-2 text-sm text-red-700 hover:bg-red-50`;
