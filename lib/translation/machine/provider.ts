import { logger } from "@/lib/logger";
import { libreTranslate } from "./libretranslate";

/**
 * Machine pre-fill is optional: with no provider configured (the default) the 机器预翻译 button
 * is not shown and the service refuses. A provider turns English texts into Chinese, one output
 * per input in the same order, or throws AppError UNAVAILABLE.
 */
export type MachineTranslator = {
  name: string;
  translate(texts: string[], signal: AbortSignal): Promise<string[]>;
};

type Env = Record<string, string | undefined>;

let warned = false;
function misconfigured(message: string): null {
  // an optional feature must not take the translate page down: it stays off, and the log says why
  if (!warned) logger.error(`machine translation is off: ${message}`);
  warned = true;
  return null;
}

/** BYLINE_MT_PROVIDER=libretranslate with BYLINE_MT_URL (http/https) and optional BYLINE_MT_API_KEY. */
export function machineTranslatorFromEnv(env: Env = process.env): MachineTranslator | null {
  const provider = env.BYLINE_MT_PROVIDER?.trim().toLowerCase();
  if (!provider || provider === "none") return null;
  if (provider !== "libretranslate")
    return misconfigured(`unknown BYLINE_MT_PROVIDER "${provider}" (supported: libretranslate)`);
  let url: URL;
  try {
    url = new URL(env.BYLINE_MT_URL ?? "");
  } catch {
    return misconfigured("BYLINE_MT_URL is missing or not a URL");
  }
  // the admin's own server (no SSRF policy), but never file:, data: or anything else fetch might accept
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return misconfigured("BYLINE_MT_URL must be an http or https URL");
  return libreTranslate({ url, apiKey: env.BYLINE_MT_API_KEY?.trim() || undefined });
}
