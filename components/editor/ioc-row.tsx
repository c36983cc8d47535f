"use client";

import { refang } from "@/lib/ioc/defang";
import { IOC_TYPE_LABELS, IOC_TYPES, isIocType, isNetworkType, type IocItem } from "@/lib/ioc/types";
import { checkIocValue } from "@/lib/ioc/validate";

type Props = {
  /** 1-based, as the save error names it ("IOC 区块第 3 行") */
  n: number;
  item: IocItem;
  idPrefix: string;
  editable: boolean;
  onChange: (item: IocItem) => void;
  onDelete: () => void;
};

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50";

/**
 * One row of an IOC block: type, value (checked as typed, normalised and refanged when the
 * field is left), context, malicious. Every control has a label naming the row, for screen readers.
 */
export function IocRow({ n, item, idPrefix, editable, onChange, onDelete }: Props) {
  const check = checkIocValue(item.type, item.value);
  const errorId = `${idPrefix}-error`;
  const settle = () => {
    const raw = isNetworkType(item.type) ? refang(item.value) : item.value;
    const r = checkIocValue(item.type, raw);
    if (r.ok && r.value !== item.value) onChange({ ...item, value: r.value });
  };
  return (
    <tr>
      <td className="w-8 text-right text-xs text-ink-500">{n}</td>
      <td className="w-36">
        <select
          aria-label={`第 ${n} 行类型`}
          value={item.type}
          disabled={!editable}
          onChange={(e) => isIocType(e.target.value) && onChange({ ...item, type: e.target.value })}
          className={input}
        >
          {IOC_TYPES.map((t) => (
            <option key={t} value={t}>
              {IOC_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`第 ${n} 行指标`}
          value={item.value}
          disabled={!editable}
          spellCheck={false}
          maxLength={2048}
          aria-invalid={!check.ok}
          aria-describedby={check.ok ? undefined : errorId}
          onChange={(e) => onChange({ ...item, value: e.target.value })}
          onBlur={settle}
          className={`${input} font-mono ${check.ok ? "" : "border-red-500"}`}
        />
        {!check.ok && (
          <p id={errorId} className="mt-0.5 text-xs text-red-700">
            {check.message}
          </p>
        )}
      </td>
      <td>
        <input
          aria-label={`第 ${n} 行说明`}
          value={item.context}
          disabled={!editable}
          maxLength={500}
          onChange={(e) => onChange({ ...item, context: e.target.value })}
          className={input}
        />
      </td>
      <td className="w-20 text-center">
        <label className="inline-flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={item.malicious}
            disabled={!editable}
            onChange={(e) => onChange({ ...item, malicious: e.target.checked })}
            aria-label={`第 ${n} 行为恶意指标`}
          />
          恶意
        </label>
      </td>
      <td className="w-16">
        {editable && (
          <button
            type="button"
            onClick={onDelete}
            aria-label={`删除第 ${n} 行`}
            className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            删除
          </button>
        )}
      </td>
    </tr>
  );
}
