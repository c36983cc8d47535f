import { PanelSkeleton } from "@/components/ui/skeleton";

/** Shown while a workspace page loads its per-user data. */
export default function Loading() {
  return <PanelSkeleton />;
}
