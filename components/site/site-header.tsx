import type { ReactNode } from "react";
import type { Navigation } from "@/lib/services/navigation/schemas";
import { CollapsibleNav } from "./collapsible-nav";
import { GuideMenu } from "./guide-menu";
import { HeaderLinks } from "./header-links";
import { NotificationBell } from "./notification-bell";
import { SearchForm } from "./search-form";
import { UserMenu } from "./user-menu";

/** Top bar: logo, the links and 导读 menu of 导航菜单, search and the (client-side) user area. */
export function SiteHeader({
  nav,
  brand,
  logo,
}: {
  /** 导航菜单: header links and the 导读 menu (lib/services/public/get-navigation.ts) */
  nav: Navigation;
  /** 站点设置: name and tagline */
  brand: { name: string; tagline: string };
  /** the site's logo (SiteLogo), the same element as the footer's */
  logo: ReactNode;
}) {
  return (
    <header className="s-hdr">
      <div className="s-hdr-in">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
        <a href="/" className="s-brand" aria-label={`${brand.name} 首页`}>
          {logo}
          {brand.tagline && <span className="s-tagline">{brand.tagline}</span>}
        </a>
        <CollapsibleNav>
          <nav aria-label="主导航" className="s-mainnav">
            <HeaderLinks items={nav.header.filter((l) => l.placement === "start")} />
            {nav.guide.length > 0 && (
              // only what the menu shows: each prop is written into every page's payload
              <GuideMenu
                links={nav.guide.map(({ href, label, description, newTab }) =>
                  newTab ? { href, label, description, newTab } : { href, label, description },
                )}
              />
            )}
          </nav>
          <div className="s-tools">
            <SearchForm />
            <HeaderLinks items={nav.header.filter((l) => l.placement === "end")} />
            <NotificationBell />
            <UserMenu />
          </div>
        </CollapsibleNav>
      </div>
    </header>
  );
}
