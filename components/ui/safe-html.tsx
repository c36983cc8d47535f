import type { ComponentPropsWithoutRef } from "react";
import { jsonForScript } from "@/lib/escape/json-script";

type Tag = "div" | "span" | "p" | "section";

type SafeHtmlProps = {
  /**
   * HTML that was made safe before it got here: article bodies from lib/content/render.ts
   * (sanitised, and re-rendered on read when their render version is older), footer pages
   * sanitised when saved, search highlights built from escaped text, the server-drawn QR SVG.
   * Never pass user input that has not been through one of those.
   */
  html: string;
  as?: Tag;
} & Omit<ComponentPropsWithoutRef<"div">, "children" | "dangerouslySetInnerHTML">;

/**
 * The one place HTML markup reaches a page (safe-html.test.ts fails when
 * dangerouslySetInnerHTML appears anywhere else in app/ or components/), so every injection
 * point can be found and reviewed here.
 */
export function SafeHtml({ html, as: As = "div", ...rest }: SafeHtmlProps) {
  return <As {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * JSON-LD is a different context from HTML: the value is serialised with jsonForScript, which
 * escapes "<", ">" and "&" so no string in it can end the script element or open a comment.
 */
export function JsonLdScript({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
