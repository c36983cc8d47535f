import type { Metadata } from "next";
import { cardClass } from "@/components/ui/card";
import { Badge } from "@/components/ui/status-badge";
import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listApiTokens, type TokenListItem } from "@/lib/services/api-tokens/list-tokens";
import { adminActor } from "../../gate";
import { IntegrationsTabs } from "../integrations-tabs";
import { CreateTokenForm } from "./create-token-form";
import { RevokeButton } from "./revoke-button";

export const metadata: Metadata = { title: "API 令牌 · 集成" };

function stateOf(t: TokenListItem, now: number) {
  if (t.revokedAt) return <Badge tone="muted">已撤销</Badge>;
  if (t.expiresAt && t.expiresAt.getTime() <= now) return <Badge tone="failed">已过期</Badge>;
  return <Badge tone="done">有效</Badge>;
}

/** 集成 › API 令牌 (admins): the Admin API's integration tokens, and the form for a new one. */
export default async function TokensPage() {
  const actor = await adminActor("integration.manage");
  const tokens = await listApiTokens(actor);
  // a server component renders once per request: one clock for the whole table
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">集成</h1>
      <IntegrationsTabs current="/admin/integrations/tokens" />
      <p className="text-sm text-ink-600">
        脚本和外部系统用令牌调用 Admin
        API（/api/v1/admin/…）。每个令牌以自己的“集成”账号行事，操作记入审计日志；
        权限范围只能收窄编辑的权限，不能扩大。接口说明见“API 文档”。
      </p>
      {tokens.length ? (
        <TableShell
          caption={`共 ${tokens.length} 个令牌`}
          columns={["名称", "权限范围", "创建", "有效期至", "最近使用", "状态", "操作"]}
          testId="token-table"
        >
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {t.name}
                <code className="block text-xs font-normal text-ink-600">{t.prefix}…</code>
              </th>
              <td className={tdClass}>
                <ul className="space-y-0.5">
                  {t.scopes.map((s) => (
                    <li key={s}>
                      <code className="text-xs">{s}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className={tdClass}>
                {formatDateTime(t.createdAt)}
                {t.createdBy && <span className="block text-xs text-ink-600">{t.createdBy}</span>}
              </td>
              <td className={tdClass}>{t.expiresAt ? formatDateTime(t.expiresAt) : "永不过期"}</td>
              <td className={tdClass}>
                {t.lastUsedAt ? (
                  <>
                    {formatDateTime(t.lastUsedAt)}
                    {t.lastUsedIp && <span className="block text-xs text-ink-600">{t.lastUsedIp}</span>}
                  </>
                ) : (
                  "从未使用"
                )}
              </td>
              <td className={tdClass}>{stateOf(t, now)}</td>
              <td className={tdClass}>{!t.revokedAt && <RevokeButton id={t.id} name={t.name} />}</td>
            </tr>
          ))}
        </TableShell>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>还没有 API 令牌。在下面填写名称、选择权限范围即可创建。</p>
        </div>
      )}
      <section className={cardClass} aria-labelledby="new-token">
        <h2 id="new-token" className="mb-3 font-medium">
          新建 API 令牌
        </h2>
        <CreateTokenForm />
      </section>
    </div>
  );
}
