import type { ReactNode } from "react";

export function SectionHeading({
  id,
  children,
  action,
  level = 2,
}: {
  id: string;
  children: ReactNode;
  action?: ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="mb-4 flex items-center justify-between gap-3 border-b border-slate-200 pb-2">
      <Heading id={id} className="s-h2">
        {children}
      </Heading>
      {action}
    </div>
  );
}
