import { checkHealth } from "@/lib/services/system/check-health";

/** Liveness + database check for load balancers and docker-compose. Never cached. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
