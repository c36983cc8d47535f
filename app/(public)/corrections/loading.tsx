import { ArticleListSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <section
      className="mx-auto max-w-4xl rounded bg-white p-5"
      aria-busy="true"
      aria-label="正在加载更正记录"
    >
      <ArticleListSkeleton rows={6} />
    </section>
  );
}
