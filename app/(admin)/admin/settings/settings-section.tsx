import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/card";

/** One group of the settings form (基本信息, 品牌…): a titled card; a fieldset so screen readers name the group. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={`${cardClass} min-w-0 space-y-4`}>
      <legend className="float-left mb-2 w-full text-base font-semibold">{title}</legend>
      <div className="clear-both space-y-4">{children}</div>
    </fieldset>
  );
}
