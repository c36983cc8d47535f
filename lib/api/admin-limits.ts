import type { WindowRule } from "@/lib/security/rate-limit";

/** Per token, every Admin API route together: a busy import script, not a flood. */
export const ADMIN_API_RATE = { limit: 300, windowMs: 60_000 } satisfies WindowRule;
