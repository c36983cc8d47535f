import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { batchTexts } from "./batches";
import type { MachineTranslator } from "./provider";

/** Limits per request to the provider: a hung or flooding server must not hold a request open. */
const MT_LIMITS = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

export const MT_UNAVAILABLE_MESSAGE = "机器翻译服务暂时不可用，请稍后重试，或直接逐段手动翻译。";

const responseSchema = z.object({ translatedText: z.array(z.string()) });

/** Why a call failed, for the log only: the user gets one message whatever the cause. */
class ProviderFailure extends Error {}

async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new ProviderFailure("response too large");
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new ProviderFailure("response too large");
      chunks.push(value);
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString("utf8");
}

type Options = { url: URL; apiKey?: string; limits?: typeof MT_LIMITS };

/**
 * LibreTranslate (self-hostable): POST {url}/translate with { q: [...] } answers
 * { translatedText: [...] } in the same order. Batches are sent one after another.
 */
export function libreTranslate({ url, apiKey, limits = MT_LIMITS }: Options): MachineTranslator {
  const endpoint = new URL("translate", url.href.endsWith("/") ? url : `${url.href}/`);

  async function translateBatch(q: string[], signal: AbortSignal): Promise<string[]> {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ q, source: "en", target: "zh", format: "text", api_key: apiKey }),
      redirect: "error",
      signal: AbortSignal.any([signal, AbortSignal.timeout(limits.timeoutMs)]),
    });
    const text = await readLimited(res, limits.maxBytes);
    if (!res.ok) throw new ProviderFailure(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProviderFailure("response is not JSON");
    }
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success || parsed.data.translatedText.length !== q.length)
      throw new ProviderFailure("response does not match the request");
    return parsed.data.translatedText;
  }

  return {
    name: "libretranslate",
    async translate(texts, signal) {
      const out: string[] = [];
      try {
        for (const batch of batchTexts(texts)) out.push(...(await translateBatch(batch, signal)));
      } catch (e) {
        // the caller's own abort is theirs to report; everything else is the provider being unwell
        if (signal.aborted) throw e;
        logger.warn(
          { err: e, provider: "libretranslate", host: endpoint.host },
          "machine translation failed",
        );
        throw new AppError("UNAVAILABLE", MT_UNAVAILABLE_MESSAGE);
      }
      return out;
    },
  };
}
