"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { smallButton } from "@/components/ui/row-actions";
import type { ActionResult } from "@/lib/errors";
import { deleteWebhookAction, replayDeliveryAction, sendTestPingAction } from "./actions";

type Kind = "ping" | "replay" | "delete";

const RUN: Record<
  Kind,
  { label: string; pending: string; done: string; run: (id: string) => Promise<ActionResult<unknown>> }
> = {
  ping: {
    label: "发送测试",
    pending: "发送中…",
    done: "已加入发送队列。",
    run: (id) => sendTestPingAction({ id }),
  },
  replay: {
    label: "重新发送",
    pending: "发送中…",
    done: "已重新加入发送队列。",
    run: (id) => replayDeliveryAction({ id }),
  },
  delete: { label: "删除", pending: "删除中…", done: "已删除。", run: (id) => deleteWebhookAction({ id }) },
};

/**
 * One action on a webhook or a delivery, with its result read out. 删除 asks first; afterwards
 * the page goes back to the list, since this webhook's page no longer exists.
 */
export function WebhookButton({ kind, id, confirmText }: { kind: Kind; id: string; confirmText?: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const r = RUN[kind];
  const click = () => {
    if (confirmText && !window.confirm(confirmText)) return;
    start(async () => {
      const res = await r.run(id);
      setMessage(res.ok ? { ok: true, text: r.done } : { ok: false, text: res.error.message });
      if (!res.ok) return;
      if (kind === "delete") router.push("/admin/integrations/webhooks");
      else router.refresh();
    });
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={smallButton} disabled={pending} onClick={click}>
        {pending ? r.pending : r.label}
      </button>
      <span aria-live="polite" className={`text-xs ${message?.ok ? "text-green-700" : "text-red-700"}`}>
        {message?.text}
      </span>
    </span>
  );
}
