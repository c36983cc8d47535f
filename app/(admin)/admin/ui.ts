// Class strings shared by the admin screens, so buttons and fields look the same everywhere.
export const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-ink-900 placeholder:text-ink-400 focus:border-brand-600 disabled:bg-slate-100";
export const primary =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const secondary =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-ink-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
export const danger =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60";
export const card = "rounded-lg bg-white p-4 shadow-sm";
export const table = "w-full min-w-[36rem] border-collapse text-left text-sm";
export const th = "border-b border-slate-200 px-3 py-2 font-medium text-ink-600";
export const td = "border-b border-slate-100 px-3 py-2 align-top";
