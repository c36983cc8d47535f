// `node --import` hook for plain-Node scripts (benchmarks) that call services outside Next.js:
// 'use cache' is inert there, so next/cache's tag functions become no-ops and 'server-only' a no-op.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
const stubs = {
  "next/cache": "export const cacheTag = () => {}; export const cacheLife = () => {}; export const revalidateTag = () => {}; export const updateTag = () => {};",
  "server-only": "export {};",
};
export async function resolve(specifier, context, next) {
  if (specifier in stubs) return { url: "data:text/javascript," + encodeURIComponent(stubs[specifier]), shortCircuit: true };
  return next(specifier, context);
}`),
);
