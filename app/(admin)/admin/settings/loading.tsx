import { ListSkeleton } from "../list-skeleton";

export default function Loading() {
  return <ListSkeleton label="正在加载设置…" />;
}
