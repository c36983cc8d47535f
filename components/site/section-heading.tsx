import type { ReactNode } from "react";

export function SectionHeading({ id, children, action }: { id: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-4 flex items-center justify-between gap-3 border-b border-slate-200 pb-2">
      <h2 id={id} className="border-l-4 border-brand-600 pl-3 text-lg font-semibold">
        {children}
      </h2>
      {action}
    </div>
  );
}
