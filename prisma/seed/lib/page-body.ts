import { escapeHtml } from "@/lib/content/highlight";

/** The footer pages' tiny markup: blank-line paragraphs, "## " headings, "- " lists. Escaped, then tagged. */
export function pageBodyToHtml(body: string): string {
  return body
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n").map((l) => l.trim());
      if (lines.every((l) => l.startsWith("- ")))
        return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join("")}</ul>`;
      if (lines[0]?.startsWith("## ")) {
        const rest = lines.slice(1).join("<br>");
        return `<h2>${escapeHtml(lines[0].slice(3))}</h2>${rest ? `<p>${lines.slice(1).map(escapeHtml).join("<br>")}</p>` : ""}`;
      }
      return `<p>${lines.map(escapeHtml).join("<br>")}</p>`;
    })
    .join("\n");
}
