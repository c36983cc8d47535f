import type { IocType } from "../types";
import type { IocExportInput } from "./input";
import { BYLINE_NAMESPACE, uuidv5 } from "./uuid";

/** MISP attribute type and category per indicator type (MISP's describeTypes.json). */
export const MISP_TYPES: Record<IocType, { type: string; category: string }> = {
  ipv4: { type: "ip-dst", category: "Network activity" },
  ipv6: { type: "ip-dst", category: "Network activity" },
  domain: { type: "domain", category: "Network activity" },
  url: { type: "url", category: "Network activity" },
  email: { type: "email-src", category: "Payload delivery" },
  md5: { type: "md5", category: "Payload delivery" },
  sha1: { type: "sha1", category: "Payload delivery" },
  sha256: { type: "sha256", category: "Payload delivery" },
  filename: { type: "filename", category: "Payload delivery" },
  regkey: { type: "regkey", category: "Persistence mechanism" },
  cve: { type: "vulnerability", category: "External analysis" },
};

const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000));

/**
 * The article as a MISP event (the JSON MISP's "Import from MISP JSON" reads): the title as
 * info, the publication date, TLP:CLEAR (the article is public) and one attribute per indicator.
 * to_ids is set for malicious indicators, as MISP means it: worth alerting on. A CVE id names a
 * flaw rather than something to detect, so it never is.
 */
export function iocMispEvent({ article, items }: IocExportInput) {
  const updated = article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  return {
    Event: {
      uuid: uuidv5(`misp-event|${article.publicId}`, BYLINE_NAMESPACE),
      info: article.title,
      date: article.publishedAt.toISOString().slice(0, 10),
      timestamp: seconds(updated),
      published: false,
      analysis: "2",
      threat_level_id: "4",
      distribution: "3",
      Tag: [{ name: "tlp:clear" }],
      Attribute: items.map((i) => ({
        uuid: uuidv5(`misp-attribute|${article.publicId}|${i.type}|${i.value}`, BYLINE_NAMESPACE),
        type: MISP_TYPES[i.type].type,
        category: MISP_TYPES[i.type].category,
        value: i.value,
        comment: i.context,
        to_ids: i.malicious && i.type !== "cve",
        timestamp: seconds(updated),
        distribution: "5",
      })),
    },
  };
}
