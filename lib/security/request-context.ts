import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who is asking and from where, for the duration of one action or route handler. Set by the
 * security wrappers; read by audit() so services that write audit rows inside their own
 * transactions record the IP without every signature carrying it.
 */
export type RequestContext = { action: string; ip: string | null; userAgent: string | null };

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
