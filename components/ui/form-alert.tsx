import type { Ref } from "react";

/** A form-level message. Errors are announced at once (role=alert); notices politely. */
export function FormAlert({
  tone,
  children,
  ref,
}: {
  tone: "error" | "success";
  children: React.ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  const styles =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-700"
      : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2.5 text-sm ${styles}`}
    >
      {children}
    </div>
  );
}
