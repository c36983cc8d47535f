/**
 * The OpenAPI document as the admin reference page shows it (管理后台 › 集成 › API 文档): one
 * entry per operation with its parameters, body fields and answers. Derived from the served
 * document, so the page says exactly what the contract test checks.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  $ref?: string;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string }>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };

type ReferenceField = {
  name: string;
  where: string;
  type: string;
  required: boolean;
  description: string;
};
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  /** the token scope an Admin API route needs; null: the open Content API */
  scope: string | null;
  fields: ReferenceField[];
  bodyType: "json" | "multipart" | null;
  responses: { status: string; description: string }[];
};

/** "string", "integer | null", "DRAFT | PUBLISHED", "string[]", "object" */
export function typeOf(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.$ref) return s.$ref.split("/").pop()!;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 0) return "any";
  return types.map((t) => (t === "array" ? `${typeOf(s.items)}[]` : t)).join(" | ");
}

const ORDER = ["get", "post", "patch", "put", "delete"];

export function referenceOf(doc: Doc): ReferenceOperation[] {
  const out: ReferenceOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of ORDER.filter((m) => ops[m])) {
      const op = ops[method]!;
      const params: ReferenceField[] = (op.parameters ?? []).map((p) => ({
        name: p.name,
        where: p.in === "path" ? "路径" : "查询",
        type: typeOf(p.schema),
        required: Boolean(p.required),
        description: p.description ?? "",
      }));
      const json = op.requestBody?.content["application/json"]?.schema;
      const multipart = op.requestBody?.content["multipart/form-data"]?.schema;
      const bodySchema = json ?? multipart;
      const body: ReferenceField[] = Object.entries(bodySchema?.properties ?? {}).map(([name, s]) => ({
        name,
        where: multipart ? "表单" : "JSON",
        type: typeOf(s),
        required: bodySchema?.required?.includes(name) ?? false,
        description: s.description ?? "",
      }));
      out.push({
        id: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-"),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        scope: op.security?.[0]?.bearerAuth?.[0] ?? null,
        fields: [...params, ...body],
        bodyType: json ? "json" : multipart ? "multipart" : null,
        responses: Object.entries(op.responses).map(([status, r]) => ({
          status,
          description: r.description,
        })),
      });
    }
  }
  return out;
}
