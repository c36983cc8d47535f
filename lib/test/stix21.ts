/**
 * A focused STIX 2.1 validator for the tests of lib/ioc/export (no STIX validator or schema
 * package ships for Node). It checks what the OASIS STIX 2.1 spec and its JSON schemas require of
 * the objects Byline writes (bundle, identity, report, indicator, vulnerability): required and
 * allowed properties, `type--UUID` identifiers, RFC 3339 UTC timestamps, open vocabularies,
 * references that resolve inside the bundle, and the STIX patterning grammar for the single
 * comparison patterns we emit. It returns every problem found, so a test shows them all.
 */

const IDENTIFIER =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;
const COMMON = [
  "type",
  "spec_version",
  "id",
  "created",
  "modified",
  "created_by_ref",
  "revoked",
  "labels",
  "confidence",
  "lang",
  "external_references",
  "object_marking_refs",
  "granular_markings",
];

const SDOS: Record<string, { required: string[]; optional: string[] }> = {
  identity: {
    required: ["name"],
    optional: ["description", "roles", "identity_class", "sectors", "contact_information"],
  },
  report: { required: ["name", "published", "object_refs"], optional: ["description", "report_types"] },
  indicator: {
    required: ["pattern", "pattern_type", "valid_from"],
    optional: [
      "name",
      "description",
      "indicator_types",
      "pattern_version",
      "valid_until",
      "kill_chain_phases",
    ],
  },
  vulnerability: { required: ["name"], optional: ["description"] },
};
const INDICATOR_TYPES = [
  "anomalous-activity",
  "anonymization",
  "benign",
  "compromised",
  "malicious-activity",
  "attribution",
  "unknown",
];
const HASH_ALGORITHMS = ["MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH"];
/** the cyber-observable object paths our patterns may compare */
const OBJECT_PATHS = new Set([
  "ipv4-addr:value",
  "ipv6-addr:value",
  "domain-name:value",
  "url:value",
  "email-addr:value",
  "file:name",
  "windows-registry-key:key",
]);

const isTimestamp = (v: unknown) =>
  typeof v === "string" && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));
const isIdentifier = (v: unknown, type?: string) =>
  typeof v === "string" && IDENTIFIER.test(v) && (!type || v.startsWith(`${type}--`));

/** One comparison `[object-type:path = 'string']` → its object path and unescaped value, or null. */
export function parseStixPattern(pattern: string): { path: string; value: string } | null {
  const m =
    /^\[([a-z0-9-]+):([a-z_][a-z0-9_]*)((?:\.(?:[a-z_][a-z0-9_]*|'(?:[^'\\]|\\['\\])+'|[A-Z0-9-]+))*) = '((?:[^'\\]|\\['\\])*)'\]$/.exec(
      pattern,
    );
  if (!m) return null;
  const [, object, first, rest, literal] = m;
  let path = `${object}:${first}`;
  if (rest) {
    if (`${object}:${first}` !== "file:hashes") return null;
    const algo = rest.slice(1).replace(/^'(.*)'$/, "$1");
    if (!HASH_ALGORITHMS.includes(algo)) return null;
    path = `file:hashes.${algo}`;
  } else if (!OBJECT_PATHS.has(path)) return null;
  return { path, value: literal!.replace(/\\(['\\])/g, "$1") };
}

export function validateStixBundle(bundle: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (typeof bundle !== "object" || bundle === null) return ["bundle: not an object"];
  const b = bundle as Record<string, unknown>;
  if (b.type !== "bundle") fail("bundle", "type must be 'bundle'");
  if (!isIdentifier(b.id, "bundle")) fail("bundle", `bad id ${String(b.id)}`);
  if ("spec_version" in b) fail("bundle", "a 2.1 bundle has no spec_version");
  if (!Array.isArray(b.objects) || b.objects.length === 0)
    return [...problems, "bundle: objects must be a non-empty list"];
  const ids = new Set<string>();
  const refs: [string, unknown][] = [];
  for (const [i, raw] of b.objects.entries()) {
    const o = raw as Record<string, unknown>;
    const where = `objects[${i}] (${String(o.type)})`;
    const spec = SDOS[o.type as string];
    if (!spec) {
      fail(where, "not a type this validator knows");
      continue;
    }
    for (const k of ["type", "spec_version", "id", "created", "modified", ...spec.required])
      if (!(k in o)) fail(where, `missing required property ${k}`);
    for (const k of Object.keys(o)) {
      if (![...COMMON, ...spec.required, ...spec.optional].includes(k)) fail(where, `unknown property ${k}`);
      if (!PROPERTY_NAME.test(k) && k !== "id") fail(where, `bad property name ${k}`);
      if (Array.isArray(o[k]) && (o[k] as unknown[]).length === 0)
        fail(where, `${k} must not be an empty list`);
    }
    if (o.spec_version !== "2.1") fail(where, "spec_version must be '2.1'");
    if (!isIdentifier(o.id, o.type as string)) fail(where, `bad id ${String(o.id)}`);
    else if (ids.has(o.id as string)) fail(where, `duplicate id ${String(o.id)}`);
    else ids.add(o.id as string);
    for (const k of ["created", "modified", "published", "valid_from", "valid_until"])
      if (k in o && !isTimestamp(o[k])) fail(where, `${k} is not an RFC 3339 UTC timestamp`);
    if (
      isTimestamp(o.created) &&
      isTimestamp(o.modified) &&
      Date.parse(o.modified as string) < Date.parse(o.created as string)
    )
      fail(where, "modified is before created");
    for (const k of ["name", "description", "identity_class"])
      if (k in o && (typeof o[k] !== "string" || o[k] === "")) fail(where, `${k} must be a non-empty string`);
    if ("created_by_ref" in o) refs.push([where, o.created_by_ref]);
    if (Array.isArray(o.external_references))
      for (const r of o.external_references as Record<string, unknown>[])
        if (typeof r.source_name !== "string" || !(r.url || r.external_id || r.description))
          fail(where, "an external reference needs source_name and url, external_id or description");
    if (o.type === "report") {
      if (!Array.isArray(o.object_refs)) fail(where, "object_refs must be a list");
      else for (const r of o.object_refs) refs.push([where, r]);
    }
    if (o.type === "indicator") {
      if (o.pattern_type !== "stix") fail(where, "pattern_type must be 'stix' for STIX patterns");
      if ("pattern_version" in o && o.pattern_version !== "2.1") fail(where, "pattern_version must be '2.1'");
      if (typeof o.pattern !== "string" || !parseStixPattern(o.pattern))
        fail(where, `pattern ${String(o.pattern)} does not parse`);
      for (const t of (o.indicator_types as string[] | undefined) ?? [])
        if (!INDICATOR_TYPES.includes(t)) fail(where, `indicator type ${t} is not in indicator-type-ov`);
    }
  }
  for (const [where, ref] of refs)
    if (!isIdentifier(ref) || !ids.has(ref as string))
      fail(where, `reference ${String(ref)} does not resolve in the bundle`);
  return problems;
}
