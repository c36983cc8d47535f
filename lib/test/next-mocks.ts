import { vi } from "vitest";

// Outside the Next.js runtime, 'use cache' is an inert string and these APIs have no request
// to attach to: make them no-ops (invalidations are recorded so tests can assert them).
export const invalidated: string[] = [];

vi.mock("next/cache", () => ({
  cacheTag: () => {},
  cacheLife: () => {},
  revalidateTag: (tag: string) => invalidated.push(tag),
  updateTag: (tag: string) => invalidated.push(tag),
  revalidatePath: () => {},
  refresh: () => {},
}));

vi.mock("next/server", async (orig) => ({
  ...(await orig<object>()),
  connection: async () => {},
  after: (fn: () => unknown) => fn(),
}));
