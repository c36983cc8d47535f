import { revalidateTag } from "next/cache";
import { z } from "zod";
import { isInternalRequest } from "@/lib/jobs/background-invalidation";

const bodySchema = z.strictObject({ tags: z.array(z.string().min(1).max(256)).min(1).max(500) });

/**
 * Background jobs' cache invalidation (lib/jobs/background-invalidation.ts): the job calls this
 * over loopback with its process' in-memory secret, so the tags are expired inside a request,
 * where Next.js can. `{ expire: 0 }`: no stale copy is served afterwards, the next visitor gets
 * a fresh render. Anything without the secret is a plain 404: the route does not exist for the
 * network.
 */
export async function POST(req: Request) {
  if (!isInternalRequest(req.headers)) return new Response("Not Found", { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  for (const tag of new Set(parsed.data.tags)) revalidateTag(tag, { expire: 0 });
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
