import { z } from "zod";
import { isSafeText } from "@/lib/validation";
import { scoreCvss, type CvssScore } from "./cvss";
import { normaliseCveId } from "./id";

/**
 * The NVD 2.0 JSON feed and CISA's KEV catalogue, item by item: each item is validated on its own
 * (a bad one is skipped and counted, never half-imported) and mapped to the columns of a Cve row.
 * Only the fields Byline shows are read; everything else in an item is ignored (loose objects).
 */

export type Affected = { vendor: string; product: string };

export type NvdRecord = {
  id: string;
  description: string | null;
  cvss: CvssScore | null;
  affected: Affected[];
  publishedAt: Date;
  modifiedAt: Date;
};

export type KevRecord = {
  id: string;
  vendor: string;
  product: string;
  name: string;
  addedAt: Date;
  dueDate: Date | null;
  ransomware: boolean;
};

/** Longest description kept (NVD's longest run to a few thousand characters). */
const MAX_DESCRIPTION = 4_000;
/** Vendor/product pairs kept per CVE: a library in every Linux distribution lists hundreds. */
const MAX_AFFECTED = 20;
const MAX_CPE_MATCHES = 5_000;

const text = (max: number) => z.string().max(max).refine(isSafeText);
const cveId = z.string().transform((s, ctx) => {
  const id = normaliseCveId(s);
  if (!id) ctx.addIssue({ code: "custom", message: "not a CVE id" });
  return id ?? "";
});
// NVD writes local times without a zone ("2024-03-29T17:15:21.150"): they are UTC
const nvdTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$/)
  .transform((s) => new Date(/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()));

const metric = z.looseObject({
  type: z.string().max(20).optional(),
  cvssData: z.looseObject({ vectorString: z.string().max(400) }),
});

const cpeMatch = z.looseObject({ vulnerable: z.boolean(), criteria: z.string().max(500) });
const configNode = z.looseObject({ cpeMatch: z.array(cpeMatch).max(MAX_CPE_MATCHES).optional() });

const nvdItem = z.looseObject({
  cve: z.looseObject({
    id: cveId,
    published: nvdTime,
    lastModified: nvdTime,
    descriptions: z.array(z.looseObject({ lang: z.string().max(10), value: text(20_000) })).max(50),
    metrics: z
      .looseObject({
        cvssMetricV40: z.array(metric).max(20).optional(),
        cvssMetricV31: z.array(metric).max(20).optional(),
        cvssMetricV30: z.array(metric).max(20).optional(),
      })
      .optional(),
    configurations: z
      .array(z.looseObject({ nodes: z.array(configNode).max(500) }))
      .max(100)
      .optional(),
  }),
});

/** The one vector shown: 4.0, else 3.1, else 3.0; NVD's own ("Primary") before a CNA's. */
function pickCvss(metrics: z.infer<typeof nvdItem>["cve"]["metrics"]): CvssScore | null {
  for (const list of [metrics?.cvssMetricV40, metrics?.cvssMetricV31, metrics?.cvssMetricV30]) {
    const sorted = [...(list ?? [])].sort(
      (a, b) => Number(b.type === "Primary") - Number(a.type === "Primary"),
    );
    for (const m of sorted) {
      const scored = scoreCvss(m.cvssData.vectorString);
      if (scored) return scored;
    }
  }
  return null;
}

/** cpe:2.3:part:vendor:product:… → "vendor", "product" (CPE escapes: \: and friends unescaped). */
function cpeParts(criteria: string): Affected | null {
  const fields = criteria.split(/(?<!\\):/);
  if (fields[0] !== "cpe" || fields[1] !== "2.3" || fields.length < 5) return null;
  const clean = (s: string) => s.replace(/\\(.)/g, "$1").replace(/_/g, " ").slice(0, 100);
  const [vendor, product] = [clean(fields[3]!), clean(fields[4]!)];
  if (!vendor || !product || vendor === "*" || product === "*" || !isSafeText(vendor + product)) return null;
  return { vendor, product };
}

function affectedOf(configs: z.infer<typeof nvdItem>["cve"]["configurations"]): Affected[] {
  const seen = new Map<string, Affected>();
  for (const config of configs ?? [])
    for (const node of config.nodes)
      for (const m of node.cpeMatch ?? []) {
        if (!m.vulnerable || seen.size >= MAX_AFFECTED) continue;
        const a = cpeParts(m.criteria);
        if (a) seen.set(`${a.vendor}\u0000${a.product}`, a);
      }
  return [...seen.values()];
}

/** One item of an NVD 2.0 feed's `vulnerabilities` array, or null when it is not a valid one. */
export function parseNvdItem(item: unknown): NvdRecord | null {
  const parsed = nvdItem.safeParse(item);
  if (!parsed.success) return null;
  const { cve } = parsed.data;
  const en = cve.descriptions.find((d) => d.lang === "en") ?? cve.descriptions[0];
  const description = en?.value.trim().slice(0, MAX_DESCRIPTION) || null;
  return {
    id: cve.id,
    description,
    cvss: pickCvss(cve.metrics),
    affected: affectedOf(cve.configurations),
    publishedAt: cve.published,
    modifiedAt: cve.lastModified,
  };
}

const kevItem = z.looseObject({
  cveID: cveId,
  vendorProject: text(200),
  product: text(200),
  vulnerabilityName: text(500),
  dateAdded: day,
  dueDate: day.optional(),
  knownRansomwareCampaignUse: z.string().max(20).optional(),
});

/** One item of the KEV catalogue's `vulnerabilities` array, or null when it is not a valid one. */
export function parseKevItem(item: unknown): KevRecord | null {
  const parsed = kevItem.safeParse(item);
  if (!parsed.success) return null;
  const k = parsed.data;
  return {
    id: k.cveID,
    vendor: k.vendorProject.trim(),
    product: k.product.trim(),
    name: k.vulnerabilityName.trim(),
    addedAt: k.dateAdded,
    dueDate: k.dueDate ?? null,
    ransomware: k.knownRansomwareCampaignUse === "Known",
  };
}

/** The item arrays of a feed document: NVD 2.0 and KEV both keep them under `vulnerabilities`. */
export function feedItems(doc: unknown): unknown[] | null {
  if (typeof doc !== "object" || doc === null) return null;
  const items = (doc as { vulnerabilities?: unknown }).vulnerabilities;
  return Array.isArray(items) ? items : null;
}
