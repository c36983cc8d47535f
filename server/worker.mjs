#!/usr/bin/env node
// One server worker of several (cluster.mjs startServers): `npm start` and `scripts/serve.mjs` fork
// it when BYLINE_WORKERS is not 1. startServer tells the primary once it listens.
import { onShutdown, startServer } from "./http-server.mjs";

const { close } = await startServer({
  port: Number(process.env.BYLINE_LISTEN_PORT),
  hostname: process.env.BYLINE_LISTEN_HOST,
});
onShutdown(() => close());
