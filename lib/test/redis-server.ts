/**
 * A real Redis for tests that need one (scripts/lib/redis-server.mjs): on a free port, keeping
 * nothing on disk, never the machine's own Redis on 6379, since a test stops and restarts its
 * server to play an outage.
 */
import { startRedisServer, type OwnRedis } from "../../scripts/lib/redis-server.mjs";

export type TestRedis = OwnRedis;

export const startTestRedis = (): Promise<TestRedis> => startRedisServer();
