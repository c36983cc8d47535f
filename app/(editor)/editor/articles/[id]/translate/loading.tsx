import { PanelSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PanelSkeleton label="正在加载双语翻译…" />;
}
