import "server-only";
import NextAuth from "next-auth";
import { buildAuthConfig } from "./config";

let config: ReturnType<typeof buildAuthConfig> | undefined;

/**
 * Auth.js entry points. Pages, actions and services do not call `auth()` directly: they use
 * lib/auth/session.ts, which turns the session into an Actor checked against the database.
 */
export const { handlers, auth, signIn } = NextAuth(() => (config ??= buildAuthConfig()));
