import { Badge } from "@/components/ui/status-badge";
import type { DeliveryState } from "@/lib/services/webhooks/delivery-view";

const LOOK: Record<DeliveryState, { label: string; tone: "done" | "failed" | "waiting" | "planned" }> = {
  succeeded: { label: "成功", tone: "done" },
  failed: { label: "失败", tone: "failed" },
  retrying: { label: "重试中", tone: "waiting" },
  queued: { label: "等待发送", tone: "planned" },
};

export function DeliveryBadge({ state }: { state: DeliveryState }) {
  return <Badge tone={LOOK[state].tone}>{LOOK[state].label}</Badge>;
}
