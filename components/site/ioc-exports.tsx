/**
 * IOC 导出: the download links of an article's or a tag's indicators (CSV, STIX 2.1, MISP). Plain
 * links to the export routes (app/api/…/ioc), which answer with attachments.
 */
export function IocExports({ base, label }: { base: string; label: string }) {
  const formats = [
    ["csv", "CSV"],
    ["stix", "STIX 2.1"],
    ["misp", "MISP"],
  ] as const;
  return (
    <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="ioc-exports">
      <span className="text-ink-600">{label}</span>
      {formats.map(([format, name]) => (
        <a key={format} href={`${base}?format=${format}`} download className="s-ioc-a">
          {name}
        </a>
      ))}
    </p>
  );
}
