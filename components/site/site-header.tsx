import type { Navigation } from "@/lib/services/navigation/schemas";
import { CollapsibleNav } from "./collapsible-nav";
import { GuideMenu } from "./guide-menu";
import { HeaderLinks } from "./header-links";
import { NotificationBell } from "./notification-bell";
import { SearchForm } from "./search-form";
import { SiteLogo, type SiteBrand } from "./site-logo";
import { UserMenu } from "./user-menu";

/** Top bar: logo, the links and 导读 menu of 导航菜单, search and the (client-side) user area. */
export function SiteHeader({
  nav,
  brand,
}: {
  /** 导航菜单: header links and the 导读 menu (lib/services/public/get-navigation.ts) */
  nav: Navigation;
  /** 站点设置: name, tagline and the uploaded logo */
  brand: SiteBrand & { tagline: string };
}) {
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
        <a href="/" className="flex shrink-0 items-center gap-3 rounded" aria-label={`${brand.name} 首页`}>
          <SiteLogo brand={brand} height="h-8" />
          {brand.tagline && (
            <span className="hidden max-w-[12rem] truncate border-l border-slate-200 pl-3 text-xs text-ink-600 xl:block">
              {brand.tagline}
            </span>
          )}
        </a>
        <CollapsibleNav>
          <nav aria-label="主导航" className="flex flex-col gap-1 md:flex-row md:items-center">
            <HeaderLinks items={nav.header.filter((l) => l.placement === "start")} />
            {nav.guide.length > 0 && <GuideMenu links={nav.guide} />}
          </nav>
          <div className="flex flex-col gap-3 md:ml-auto md:flex-row md:items-center">
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
