/** What one request to a provider may carry: public instances refuse larger requests. */
const MAX_BATCH_TEXTS = 50;
const MAX_BATCH_CHARS = 20_000;

/**
 * Consecutive runs of texts within both limits, in order. A text longer than the character limit
 * on its own goes alone: cutting it would cut a sentence, and the provider decides whether it fits.
 */
export function batchTexts(
  texts: string[],
  maxTexts = MAX_BATCH_TEXTS,
  maxChars = MAX_BATCH_CHARS,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length && (current.length >= maxTexts || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length) batches.push(current);
  return batches;
}
