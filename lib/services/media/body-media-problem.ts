import "server-only";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseVariants } from "@/lib/media/variants";

type FigureRef = { n: number; key: string; srcset: string[] };

function figuresOf(doc: JSONContent): FigureRef[] {
  const out: FigureRef[] = [];
  const stack: JSONContent[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "figure") {
      const { src, srcset } = (node.attrs ?? {}) as { src?: unknown; srcset?: unknown };
      out.push({
        n: out.length + 1,
        key: typeof src === "string" ? src.replace(/^\/media\//, "") : "",
        srcset:
          typeof srcset === "string" && srcset
            ? srcset.split(", ").map((e) => e.split(" ")[0]!.slice(7))
            : [],
      });
    }
    for (let i = (node.content?.length ?? 0) - 1; i >= 0; i--) stack.push(node.content![i]!);
  }
  return out;
}

/**
 * Every body image is an upload of ours, and its srcset lists that upload's own renditions: the
 * attribute rules only check the shape of the addresses, this checks them against the media
 * table (one query). For a save service to call after bodySchema; null when all hold.
 */
export async function bodyMediaProblem(doc: JSONContent): Promise<string | null> {
  const figures = figuresOf(doc);
  if (!figures.length) return null;
  const rows = await db.media.findMany({
    where: { storageKey: { in: [...new Set(figures.map((f) => f.key))] } },
    select: { storageKey: true, variants: true },
  });
  const byKey = new Map(
    rows.map((r) => [r.storageKey, new Set(parseVariants(r.variants).map((v) => v.storageKey))]),
  );
  for (const f of figures) {
    const variants = byKey.get(f.key);
    if (!variants) return `正文第 ${f.n} 张图片不在本站媒体库中，请重新上传后再插入。`;
    if (f.srcset.some((k) => !variants.has(k)))
      return `正文第 ${f.n} 张图片的尺寸列表与媒体库不符，请删除这张图片后从媒体库重新插入。`;
  }
  return null;
}

/** The save services' form: a problem is a 4xx naming the image, on the body field. */
export async function assertBodyMedia(doc: JSONContent): Promise<void> {
  const problem = await bodyMediaProblem(doc);
  if (problem) throw new AppError("INVALID", problem, { fieldErrors: { body: [problem] } });
}
