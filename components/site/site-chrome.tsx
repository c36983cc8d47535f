import { cache, type ReactNode } from "react";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listFooterPages } from "@/lib/services/public/list-footer-pages";
import { getNavigation } from "@/lib/services/public/get-navigation";
import { listCategories } from "@/lib/services/public/list-categories";
import { CategoryBar } from "./category-bar";
import "./site.css";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { SiteLogo } from "./site-logo";

/**
 * The chrome's elements, built once per render. Every page's payload carries the chrome twice: in
 * the public layout and in the root not-found boundary (app/not-found.tsx, kept in every page's
 * tree for a notFound() anywhere). Handing both the very same element objects lets React's flight
 * serializer write them once and refer to them the second time (about 10 KB less per page).
 */
const chromeParts = cache(async () => {
  const [categories, settings, pages, nav] = await Promise.all([
    listCategories(),
    getSiteSettings(),
    listFooterPages(),
    getNavigation(),
  ]);
  // one element for the header's logo and the footer's: the payload writes it once
  const logo = SiteLogo({ brand: settings, height: "h-8" });
  return {
    skip: (
      <a href="#main" className="s-skip">
        跳到正文
      </a>
    ),
    // called, not rendered as <SiteHeader />: the payload dedupes plain elements by identity,
    // while a server component's element would be rendered (and written) again
    header: SiteHeader({ nav, brand: { name: settings.name, tagline: settings.tagline }, logo }),
    categoryBar: CategoryBar({ categories }),
    footer: SiteFooter({ settings, pages, logo }),
  };
});

/**
 * Header, category bar and footer around a page. Both reads are cached, so the chrome is part of
 * the static shell; the user area inside the header fills itself in on the client.
 */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const { skip, header, categoryBar, footer } = await chromeParts();
  return (
    <div className="s-page">
      {skip}
      {header}
      {categoryBar}
      <main id="main" className="s-main">
        {children}
      </main>
      {footer}
    </div>
  );
}
