/**
 * Runs once per server instance before it takes requests. Starts the 定时发布 timer on the Node.js
 * runtime only (it needs the database), and never during `next build`, whose workers also load
 * this file.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduledPublisher } = await import("./lib/jobs/scheduled-publisher");
  startScheduledPublisher();
  (await import("./lib/jobs/source-updates")).startSourceUpdateChecker();
}
