import type { ReactNode } from "react";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listCategories } from "@/lib/services/public/list-categories";
import { CategoryBar } from "./category-bar";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * Header, category bar and footer around a page. Both reads are cached, so the chrome is part of
 * the static shell; the user area inside the header fills itself in on the client.
 */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const [categories, settings] = await Promise.all([listCategories(), getSiteSettings()]);
  const specialHref = settings.specialTag ? `/tag/${encodeURIComponent(settings.specialTag)}` : "/tag";
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        跳到正文
      </a>
      <SiteHeader specialHref={specialHref} />
      <CategoryBar categories={categories} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
