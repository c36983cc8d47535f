import type { Page } from "@playwright/test";

/** CSP violations, and any script error: a page whose scripts ran but broke is no better than a blocked one. */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text().slice(0, 300));
  });
  page.on("pageerror", (e) => violations.push(`page error: ${e.message.slice(0, 300)}`));
  return violations;
}
