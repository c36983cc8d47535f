import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";

/** /robots.txt: the reading site is open; workspaces, accounts, APIs and search results are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/admin", "/editor", "/me", "/api/", "/search", "/login", "/register"],
      },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
