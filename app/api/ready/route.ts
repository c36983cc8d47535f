import { checkReadiness } from "@/lib/services/system/check-readiness";

/** Readiness for load balancers and compose: 503 with the failing check named when not ready. */
export async function GET() {
  const ready = await checkReadiness();
  return Response.json(ready, { status: ready.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
