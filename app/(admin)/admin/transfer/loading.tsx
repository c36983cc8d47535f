import { FormSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">正在加载导出与导入…</span>
      <FormSkeleton fields={3} />
    </div>
  );
}
