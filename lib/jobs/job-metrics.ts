/**
 * Reports a background job's run to the server's Prometheus metrics (server/metrics.mjs). The jobs
 * run inside Next.js' bundles, apart from the server's module graph, so the server publishes its
 * reporter on globalThis; without it (tests, `next dev` without our server) this does nothing.
 */
type JobRun = (job: string, ok: boolean, backlog?: number) => void;

export function reportJobRun(job: string, ok: boolean, backlog?: number): void {
  const report = (globalThis as { __bylineJobRun?: JobRun }).__bylineJobRun;
  if (typeof report === "function") report(job, ok, backlog);
}
