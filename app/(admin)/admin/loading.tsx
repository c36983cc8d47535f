import { ListSkeleton } from "./list-skeleton";

export default function Loading() {
  return <ListSkeleton />;
}
