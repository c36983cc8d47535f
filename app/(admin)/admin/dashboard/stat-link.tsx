import Link from "next/link";

type Props = {
  href: string;
  label: string;
  value: number;
  /** one line under the label: what the figure counts, or what to do */
  hint?: string;
  /** alert: something went wrong and needs a look (only when value > 0) */
  tone?: "plain" | "alert";
  testId: string;
};

/** One figure on the dashboard: the whole card is the link to the list that shows the same number. */
export function StatLink({ href, label, value, hint, tone = "plain", testId }: Props) {
  const alert = tone === "alert" && value > 0;
  return (
    <Link
      href={href}
      data-testid={testId}
      className={`block rounded-lg border p-4 shadow-sm hover:border-brand-500 ${alert ? "border-red-300 bg-red-50" : "border-transparent bg-white"}`}
    >
      <span className="block text-sm text-ink-600">{label}</span>
      <span
        className={`mt-1 block text-2xl font-semibold tabular-nums ${alert ? "text-red-800" : "text-ink-900"}`}
        data-testid={`${testId}-value`}
      >
        {value.toLocaleString("zh-CN")}
      </span>
      {hint && <span className="mt-1 block text-xs text-ink-600">{hint}</span>}
    </Link>
  );
}
