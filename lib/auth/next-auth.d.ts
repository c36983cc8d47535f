import type { Role } from "@/lib/generated/prisma/enums";

// Module augmentation needs `interface`; these are the only places the house style allows it.
declare module "next-auth" {
  /** What authorize() returns (lib/auth/config.ts). */
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  /** What auth() returns on the server. Read it through lib/auth/session.ts, never directly. */
  interface Session {
    user: { id: string; role: Role; sessionVersion: number };
  }
}
