import { FormSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <FormSkeleton fields={2} />;
}
