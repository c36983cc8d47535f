import { handlers } from "@/lib/auth";

// Auth.js endpoints (session, csrf, callback/credentials, signout). Our own forms use server
// actions; these stay for Auth.js internals and are CSRF-protected by it.
export const { GET, POST } = handlers;
