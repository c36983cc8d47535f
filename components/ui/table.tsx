import type { ReactNode } from "react";

const thClass = "border-b border-slate-200 px-3 py-2 font-medium text-ink-600";
export const tdClass = "border-b border-slate-100 px-3 py-2 align-top";

type Column = string | { key: string; label: ReactNode; className?: string };

type Props = {
  /** says what the rows are (and how many): every data table has a caption */
  caption: ReactNode;
  /** a caption only screen readers need, where the page heading already says it */
  hideCaption?: boolean;
  columns: Column[];
  testId?: string;
  /** the <tr>s: cells use thClass / tdClass, the row's name cell is a <th scope="row"> */
  children: ReactNode;
};

/** The staff screens' list table: scrolls sideways on a phone rather than squeezing columns. */
export function TableShell({ caption, hideCaption, columns, testId, children }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid={testId}>
        <caption className={hideCaption ? "sr-only" : "px-3 py-2 text-left text-sm text-ink-600"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === "string" ? (
                <th key={c} scope="col" className={thClass}>
                  {c}
                </th>
              ) : (
                <th key={c.key} scope="col" className={`${thClass} ${c.className ?? ""}`}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
