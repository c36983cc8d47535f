import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { DeliveryView } from "@/lib/services/webhooks/delivery-view";
import { WEBHOOK_EVENT_LABELS, type DeliveredEvent } from "@/lib/webhooks/events";
import { DeliveryBadge } from "./delivery-badge";
import { WebhookButton } from "./webhook-button";

const eventLabel = (e: string) => WEBHOOK_EVENT_LABELS[e as DeliveredEvent] ?? e;

/** The delivery log: what went out, how it ended, what the receiver answered and how fast. */
export function DeliveryTable({
  deliveries,
  caption,
  canReplay = true,
}: {
  deliveries: DeliveryView[];
  caption: string;
  canReplay?: boolean;
}) {
  return (
    <TableShell
      caption={caption}
      columns={["事件", "状态", "响应码", "耗时", "尝试次数", "时间", ...(canReplay ? ["操作"] : [])]}
      testId="delivery-table"
    >
      {deliveries.map((d) => (
        <tr key={d.id} data-testid="delivery-row">
          <th scope="row" className={`${tdClass} font-medium`}>
            {eventLabel(d.event)}
            <code className="block text-xs font-normal text-ink-600">{d.event}</code>
            {d.replayOfId && <span className="block text-xs font-normal text-ink-600">重新发送</span>}
          </th>
          <td className={tdClass}>
            <DeliveryBadge state={d.state} />
            {d.lastError && d.state !== "succeeded" && (
              <span className="mt-1 block max-w-60 text-xs break-words text-ink-600">{d.lastError}</span>
            )}
            {d.state === "retrying" && d.nextAttemptAt && (
              <span className="block text-xs text-ink-600">下次尝试 {formatDateTime(d.nextAttemptAt)}</span>
            )}
          </td>
          <td className={`${tdClass} tabular-nums`} data-testid="delivery-code">
            {d.lastStatusCode ?? "—"}
          </td>
          <td className={`${tdClass} tabular-nums`}>
            {d.lastDurationMs === null ? "—" : `${d.lastDurationMs} ms`}
          </td>
          <td className={`${tdClass} tabular-nums`}>{d.attempts}</td>
          <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(d.createdAt)}</td>
          {canReplay && (
            <td className={tdClass}>
              <WebhookButton kind="replay" id={d.id} />
            </td>
          )}
        </tr>
      ))}
    </TableShell>
  );
}
