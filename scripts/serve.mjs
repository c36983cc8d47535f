#!/usr/bin/env node
// Serves the production build with DATABASE_URL from the environment (docker-compose, `npm test`).
// `npm start` does more: install, embedded database, migrate, seed, build; then the same server.
process.env.NODE_ENV = "production";
const { onShutdown } = await import("../server/http-server.mjs");
const { startServers, workerCount } = await import("../server/cluster.mjs");
const port = Number(process.env.PORT ?? 3000);
const { close } = await startServers({
  port,
  hostname: process.env.HOSTNAME ?? "0.0.0.0",
  count: workerCount(),
});
console.log(`Byline listening on http://localhost:${port}`);
onShutdown(() => close());
