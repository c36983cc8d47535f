"use client";

import { useId, useState } from "react";
import { parseIocList } from "@/lib/ioc/parse-list";
import type { IocItem } from "@/lib/ioc/types";

type Props = { existing: IocItem[]; onAdd: (items: IocItem[]) => void };

/**
 * 粘贴指标列表: a list in any common shape (one a line, or separated by spaces or commas,
 * defanged or not) is typed, refanged and appended; what could not be classified stays
 * listed below, so nothing pasted disappears silently.
 */
export function IocPaste({ existing, onAdd }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<{
    added: number;
    duplicates: number;
    unknown: string[];
    cut: boolean;
  }>();
  const run = () => {
    const r = parseIocList(text, existing);
    if (r.items.length) onAdd(r.items);
    setStatus({ added: r.items.length, duplicates: r.duplicates, unknown: r.unrecognised, cut: r.truncated });
    setText(r.unrecognised.join("\n"));
  };
  return (
    <div className="mt-2 space-y-1">
      <label htmlFor={`${id}-list`} className="block text-sm font-medium text-ink-700">
        粘贴指标列表
      </label>
      <textarea
        id={`${id}-list`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        placeholder={"每行一个，或用空格、逗号分隔，例如：\nhxxps://evil[.]example/gate.php\n198.51.100[.]7"}
        className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
      />
      <p id={`${id}-hint`} className="text-xs text-ink-500">
        自动识别类型并还原去武装写法（hxxp、[.]、[@]），重复的指标只添加一次，新行默认标记为恶意。
      </p>
      <button
        type="button"
        onClick={run}
        disabled={!text.trim()}
        className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
      >
        识别并添加
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {status && (
          <p>
            已添加 {status.added} 条{status.duplicates ? `，跳过重复 ${status.duplicates} 条` : ""}
            {status.cut ? "，超出上限的部分未添加" : ""}。
            {status.unknown.length > 0 && (
              <span className="text-red-700">
                {" "}
                无法识别 {status.unknown.length} 项（已留在输入框中，请检查）：{status.unknown.join("、")}
              </span>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
