import type { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";

export const deliveryViewSelect = {
  id: true,
  event: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastDurationMs: true,
  lastError: true,
  nextAttemptAt: true,
  replayOfId: true,
  createdAt: true,
  deliveredAt: true,
} as const;

type Row = {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  replayOfId: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

/** 成功 / 失败 / 重试中: a PENDING delivery that has been tried is retrying; untried, it is queued. */
export type DeliveryState = "succeeded" | "failed" | "retrying" | "queued";

export function deliveryView(r: Row) {
  const state: DeliveryState =
    r.status === "SUCCEEDED"
      ? "succeeded"
      : r.status === "FAILED"
        ? "failed"
        : r.attempts > 0
          ? "retrying"
          : "queued";
  return { ...r, state };
}

export type DeliveryView = ReturnType<typeof deliveryView>;
