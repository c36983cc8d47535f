import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staffPathAction } from "./staff-paths";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every page file under a staff area, as its URL path ("[id]" becomes a sample segment). */
function staffPages(): { route: string; source: string }[] {
  const out: { route: string; source: string }[] = [];
  for (const area of ["app/(admin)/admin", "app/(editor)/editor"]) {
    for (const rel of fs.readdirSync(path.join(ROOT, area), { recursive: true }) as string[]) {
      if (path.basename(rel) !== "page.tsx") continue;
      const dir = path.dirname(rel) === "." ? "" : `/${path.dirname(rel).split(path.sep).join("/")}`;
      const route = `/${area.split("/").pop()}${dir}`.replace(/\[[^\]]+\]/g, "x1");
      out.push({ route, source: fs.readFileSync(path.join(ROOT, area, rel), "utf8") });
    }
  }
  return out;
}

describe("staffPathAction", () => {
  it("maps every staff page to the permission the page itself checks", () => {
    const pages = staffPages();
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const { route, source } of pages) {
      const gate =
        /adminActor\("([^"]+)"\)/.exec(source)?.[1] ??
        /can\(actor, "([^"]+)"\)\) notFound/.exec(source)?.[1] ??
        /requireStaff\([^,)]+, "([^"]+)"\)/.exec(source)?.[1] ??
        (/requireStaff\(/.test(source) ? "article.create" : null);
      expect(gate, `${route} has no recognisable gate`).not.toBeNull();
      expect(staffPathAction(route), route).toBe(gate);
    }
  });

  it("is null outside the staff areas, including look-alike paths", () => {
    for (const p of ["/", "/editorial", "/administrator", "/me/security", "/posts/editor"])
      expect(staffPathAction(p), p).toBeNull();
  });
});
