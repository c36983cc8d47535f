import { TableSkeleton } from "@/components/ui/skeleton";

/** Shown while the article list loads its per-user data. */
export default function Loading() {
  return <TableSkeleton label="正在加载文章列表…" rows={8} />;
}
