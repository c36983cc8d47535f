import { IOC_TYPE_LABELS, type IocItem, type IocType } from "../types";
import type { IocExportInput } from "./input";
import { stixPattern } from "./stix-pattern";
import { BYLINE_NAMESPACE, uuidv5 } from "./uuid";

type StixObject = Record<string, unknown> & { type: string; id: string };
export type StixBundle = { type: "bundle"; id: string; objects: StixObject[] };

const stamp = (d: Date) => d.toISOString();

/**
 * The article's indicators as a STIX 2.1 bundle: an identity for the site, one indicator per
 * network value, hash, file name or registry key (with its pattern), a vulnerability per CVE id,
 * and a report for the article whose object_refs name them all. Ids are uuidv5 of the article
 * and the value, so a second export of the same article gives the same ids.
 */
export function iocStixBundle({ site, article, items }: IocExportInput): StixBundle {
  if (items.length === 0) throw new RangeError("iocStixBundle: a report needs at least one object");
  const id = (type: string, name: string) => `${type}--${uuidv5(`${type}|${name}`, BYLINE_NAMESPACE)}`;
  const created = stamp(article.publishedAt);
  const modified = stamp(article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt);
  const common = { spec_version: "2.1", created, modified };
  const identity: StixObject = {
    type: "identity",
    id: id("identity", site.url),
    ...common,
    name: site.name,
    identity_class: "organization",
  };
  const by = { created_by_ref: identity.id };
  const objects = items.map((item): StixObject => {
    const key = `${article.publicId}|${item.type}|${item.value}`;
    const description = item.context ? { description: item.context } : {};
    if (item.type === "cve")
      return {
        type: "vulnerability",
        id: id("vulnerability", key),
        ...common,
        ...by,
        name: item.value,
        ...description,
        external_references: [{ source_name: "cve", external_id: item.value }],
      };
    return {
      type: "indicator",
      id: id("indicator", key),
      ...common,
      ...by,
      name: `${IOC_TYPE_LABELS[item.type]} ${item.value}`,
      ...description,
      indicator_types: [item.malicious ? "malicious-activity" : "benign"],
      pattern: stixPattern(item as IocItem & { type: Exclude<IocType, "cve"> }),
      pattern_type: "stix",
      pattern_version: "2.1",
      valid_from: created,
    };
  });
  const report: StixObject = {
    type: "report",
    id: id("report", article.publicId),
    ...common,
    ...by,
    name: article.title,
    ...(article.lede ? { description: article.lede } : {}),
    report_types: ["threat-report"],
    published: created,
    object_refs: objects.map((o) => o.id),
    external_references: [{ source_name: site.name, url: article.url }],
  };
  return {
    type: "bundle",
    id: `bundle--${uuidv5(`bundle|${article.publicId}|${modified}`, BYLINE_NAMESPACE)}`,
    objects: [identity, report, ...objects],
  };
}
