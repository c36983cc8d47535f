import type { Metadata } from "next";
import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { Badge } from "@/components/ui/status-badge";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { adminActor } from "../../gate";
import { IntegrationsTabs } from "../integrations-tabs";
import { CreateWebhookForm } from "./create-webhook-form";
import { DeliveryBadge } from "./delivery-badge";

export const metadata: Metadata = { title: "Webhooks · 集成" };

/** 集成 › Webhooks (admins): every webhook with its last deliveries, and the form for a new one. */
export default async function WebhooksPage() {
  const actor = await adminActor("integration.manage");
  const hooks = await listWebhooks(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">集成</h1>
      <IntegrationsTabs current="/admin/integrations/webhooks" />
      <p className="text-sm text-ink-600">
        文章发布、更新、撤回，评论通过审核，译文原文更新时，Byline 会向这些地址发送签名的 POST 请求；失败会在
        24 小时内按指数退避重试。签名的验证方法见 docs/api.md。
      </p>
      {hooks.length ? (
        <ul className="space-y-3" data-testid="webhook-list">
          {hooks.map((h) => (
            <li key={h.id} className={cardClass} data-testid="webhook-item">
              <div className="flex flex-wrap items-baseline gap-2">
                <Link
                  href={`/admin/integrations/webhooks/${h.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {h.name}
                </Link>
                {!h.active && <Badge tone="muted">已停用</Badge>}
                <code className="text-xs break-all text-ink-600">{h.url}</code>
              </div>
              <p className="mt-1 text-xs text-ink-600">
                {h.events
                  .map((e) => WEBHOOK_EVENT_LABELS[e as keyof typeof WEBHOOK_EVENT_LABELS] ?? e)
                  .join("、")}
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-1 text-xs text-ink-600">
                最近投递：
                {h.recent.length
                  ? h.recent.map((d) => <DeliveryBadge key={d.id} state={d.state} />)
                  : "还没有"}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>还没有 Webhook。在下面填写接收地址，选择要通知的事件即可创建。</p>
        </div>
      )}
      <section className={cardClass} aria-labelledby="new-webhook">
        <h2 id="new-webhook" className="mb-3 font-medium">
          新建 Webhook
        </h2>
        <CreateWebhookForm />
      </section>
    </div>
  );
}
