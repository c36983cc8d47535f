"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { Navigation, NavItem } from "@/lib/services/navigation/schemas";
import { resetNavigationAction, updateNavigationAction } from "./actions";
import { NavListEditor, type EditableItem } from "./nav-list-editor";

type Props = { initial: Navigation; max: number };
type Status = { tone: "error" | "success"; text: string } | null;

const blank: NavItem = { label: "", href: "", description: "", newTab: false, placement: "start" };
const strip = (items: EditableItem[]): NavItem[] =>
  items.map(({ label, href, description, newTab, placement }) => ({
    label,
    href,
    description,
    newTab,
    placement,
  }));

// React list keys for rows that have no id of their own; module-wide so keys never repeat
let nextKey = 0;
const keyed = (items: NavItem[]): EditableItem[] => items.map((it) => ({ ...it, key: nextKey++ }));

/** Both lists edited in the browser and saved together in one action (one audit row). */
export function NavigationEditor({ initial, max }: Props) {
  const router = useRouter();
  const [guide, setGuide] = useState(() => keyed(initial.guide));
  const [header, setHeader] = useState(() => keyed(initial.header));
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [status, setStatus] = useState<Status>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [pending, start] = useTransition();

  const save = () =>
    start(async () => {
      setStatus(null);
      const r = await updateNavigationAction({ guide: strip(guide), header: strip(header) });
      if (r.ok) {
        setErrors({});
        setStatus({ tone: "success", text: "导航已保存，网站页头会在下次打开页面时更新。" });
        router.refresh();
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setStatus({
          tone: "error",
          text: r.error.fieldErrors ? "有几项需要修改，请看标红的字段。" : r.error.message,
        });
      }
    });

  const reset = () =>
    start(async () => {
      const r = await resetNavigationAction({});
      setConfirmReset(false);
      if (!r.ok) return setStatus({ tone: "error", text: r.error.message });
      // the page reloads with the defaults; remount the lists from them
      window.location.reload();
    });

  return (
    <div className="space-y-4">
      <NavListEditor
        list="header"
        title="页头链接"
        items={header}
        max={max}
        errors={errors}
        onChange={setHeader}
        onAdd={() => setHeader([...header, ...keyed([blank])])}
      />
      <NavListEditor
        list="guide"
        title="「导读」菜单"
        items={guide}
        max={max}
        errors={errors}
        onChange={setGuide}
        onAdd={() => setGuide([...guide, ...keyed([blank])])}
      />
      {status && <FormAlert tone={status.tone}>{status.text}</FormAlert>}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} disabled={pending} onClick={save}>
          {pending ? "保存中…" : "保存导航"}
        </button>
        {confirmReset ? (
          <span role="group" aria-label="确认恢复默认" className="flex items-center gap-2 text-sm">
            恢复为默认菜单？当前的自定义项会被删除。
            <button type="button" className={secondaryButton} disabled={pending} onClick={reset}>
              确认恢复
            </button>
            <button type="button" className={secondaryButton} onClick={() => setConfirmReset(false)}>
              取消
            </button>
          </span>
        ) : (
          <button type="button" className={secondaryButton} onClick={() => setConfirmReset(true)}>
            恢复默认
          </button>
        )}
      </div>
    </div>
  );
}
