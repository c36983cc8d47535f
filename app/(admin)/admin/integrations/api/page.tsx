import type { Metadata } from "next";
import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { Badge } from "@/components/ui/status-badge";
import { TableShell, tdClass } from "@/components/ui/table";
import { openApiDocument } from "@/lib/api/openapi";
import { referenceOf, type ReferenceOperation } from "@/lib/api/reference";
import { siteUrl } from "@/lib/site-url";
import { adminActor } from "../../gate";
import { IntegrationsTabs } from "../integrations-tabs";

export const metadata: Metadata = { title: "API 文档 · 集成" };

const METHOD_TONE = { GET: "planned", POST: "done", PATCH: "waiting" } as const;

function Operation({ op }: { op: ReferenceOperation }) {
  return (
    <section id={op.id} className={cardClass} aria-labelledby={`${op.id}-title`} data-testid="api-operation">
      <h3 id={`${op.id}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <Badge tone={METHOD_TONE[op.method as keyof typeof METHOD_TONE] ?? "neutral"}>{op.method}</Badge>
        <span className="break-all">{op.path}</span>
      </h3>
      <p className="mt-1 text-sm">{op.summary}</p>
      <p className="mt-1 text-xs text-ink-600">
        {op.scope ? (
          <>
            需要令牌，权限范围 <code>{op.scope}</code>
          </>
        ) : (
          "公开接口：无需令牌，只返回已发布的内容"
        )}
        {op.bodyType === "multipart" && "；请求体为 multipart/form-data"}
        {op.bodyType === "json" && "；请求体为 JSON"}
      </p>
      {op.fields.length > 0 && (
        <div className="mt-2">
          <TableShell caption="参数" hideCaption columns={["参数", "位置", "类型", "必填", "说明"]}>
            {op.fields.map((f) => (
              <tr key={`${f.where}-${f.name}`}>
                <th scope="row" className={`${tdClass} font-mono text-xs`}>
                  {f.name}
                </th>
                <td className={tdClass}>{f.where}</td>
                <td className={`${tdClass} font-mono text-xs break-all`}>{f.type}</td>
                <td className={tdClass}>{f.required ? "是" : "否"}</td>
                <td className={`${tdClass} text-xs`}>{f.description}</td>
              </tr>
            ))}
          </TableShell>
        </div>
      )}
      <p className="mt-2 text-xs text-ink-600">
        返回：{op.responses.map((r) => `${r.status} ${r.description}`).join("；")}
      </p>
    </section>
  );
}

/**
 * 集成 › API 文档 (admins): the Content and Admin API, read off the served OpenAPI document (the
 * one the contract test validates every answer against), so it cannot drift from the routes.
 */
export default async function ApiReferencePage() {
  await adminActor("integration.manage");
  const ops = referenceOf(openApiDocument(siteUrl()) as Parameters<typeof referenceOf>[0]);
  const admin = ops.filter((o) => o.scope);
  const content = ops.filter((o) => !o.scope);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">集成</h1>
      <IntegrationsTabs current="/admin/integrations/api" />
      <div className={`${cardClass} space-y-2 text-sm`}>
        <p>
          机器可读的 OpenAPI 3.1 文档：
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          。错误一律返回 <code>{'{ "error": { "code", "message" } }'}</code>，message 为中文说明。
        </p>
        <p>
          Admin API 在请求头中发送 <code>Authorization: Bearer byl_…</code>（在
          <Link className="text-brand-700 underline" href="/admin/integrations/tokens">
            API 令牌
          </Link>
          页创建）。修改和发布须带上最近读到的 <code>version</code>；版本过期返回 409
          和当前版本号，什么都不会写入。
        </p>
      </div>
      <nav aria-label="接口目录" className={cardClass}>
        <ul className="columns-1 gap-6 text-xs sm:columns-2">
          {ops.map((o) => (
            <li key={o.id}>
              <a className="font-mono text-brand-700 underline" href={`#${o.id}`}>
                {o.method} {o.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="text-lg font-bold">Admin API（需要令牌）</h2>
      {admin.map((o) => (
        <Operation key={o.id} op={o} />
      ))}
      <h2 className="text-lg font-bold">Content API（公开，只读）</h2>
      {content.map((o) => (
        <Operation key={o.id} op={o} />
      ))}
    </div>
  );
}
