import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cardClass } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { AppError } from "@/lib/errors";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";
import { adminActor, param, type SearchParams } from "../../../gate";
import { IntegrationsTabs } from "../../integrations-tabs";
import { DeliveryTable } from "../delivery-table";
import { WebhookButton } from "../webhook-button";
import { EditWebhookForm } from "./edit-webhook-form";

export const metadata: Metadata = { title: "Webhook 投递记录 · 集成" };

/** One webhook (admins): its settings, 发送测试, 删除, and the paginated delivery log with 重新发送. */
export default async function WebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await adminActor("integration.manage");
  const [{ id }, q] = await Promise.all([params, searchParams]);
  const found = await getWebhook(actor, { id, page: param(q.page) || 1 }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { webhook: hook, deliveries, page, pageCount, total } = found;
  const base = `/admin/integrations/webhooks/${hook.id}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">集成</h1>
      <IntegrationsTabs current="/admin/integrations/webhooks" />
      <p className="text-sm">
        <Link href="/admin/integrations/webhooks" className="text-brand-700 underline">
          ← 全部 Webhook
        </Link>
      </p>
      <section className={cardClass} aria-labelledby="wh-title">
        <h2 id="wh-title" className="mb-3 font-medium">
          {hook.name}
        </h2>
        <EditWebhookForm hook={hook} />
        <div className="mt-4 flex flex-wrap gap-4 border-t border-slate-100 pt-3">
          <WebhookButton kind="ping" id={hook.id} />
          <WebhookButton
            kind="delete"
            id={hook.id}
            confirmText={`删除「${hook.name}」？它的投递记录会一起删除。`}
          />
        </div>
      </section>
      <h2 className="font-medium">投递记录</h2>
      {deliveries.length ? (
        <>
          <DeliveryTable
            deliveries={deliveries}
            caption={`共 ${total} 次投递，最新的在前。`}
            canReplay={hook.active}
          />
          <Pagination
            page={page}
            pageCount={pageCount}
            total={total}
            href={(p) => (p > 1 ? `${base}?page=${p}` : base)}
          />
        </>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>
            {total
              ? "这一页没有投递记录。"
              : "还没有投递记录。点「发送测试」试一下接收端能否收到并验证签名。"}
          </p>
          {page > 1 && (
            <Link href={base} className="mt-2 inline-block text-brand-700 underline">
              回到第一页
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
