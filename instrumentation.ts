/**
 * Runs once per server instance before it takes requests. Starts the 定时发布 timer, the
 * source-update checker and the job runner (pg-boss, with the webhook worker) on the Node.js
 * runtime only (they need the database), and never during `next build`, whose workers also load
 * this file. The job runner starts in the background: requests need not wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduledPublisher } = await import("./lib/jobs/scheduled-publisher");
  startScheduledPublisher();
  (await import("./lib/jobs/source-updates")).startSourceUpdateChecker();
  void (await import("./lib/jobs/webhook-worker")).startWebhookWorker();
  // other instances' invalidations expire this one's memory caches (issue 15)
  void (await import("./lib/cache/invalidation-bus")).startInvalidationBus();
}

/**
 * Next.js reports every error of a render, route handler or server action here. One that says
 * PostgreSQL cannot be reached closes the server's database gate until it answers again
 * (server/database-gate.mjs): the requests after it get a 503 at once, not an error page each.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/db/availability")).reportIfDatabaseUnavailable(error);
}
