import { CollapsibleNav } from "./collapsible-nav";
import { GuideMenu, type GuideLink } from "./guide-menu";
import { NotificationBell } from "./notification-bell";
import { SearchForm } from "./search-form";
import { SiteLogo, type SiteBrand } from "./site-logo";
import { UserMenu } from "./user-menu";

/** Top bar: logo, 首页, 导读, search, 投稿 and the (client-side) user area. */
export function SiteHeader({
  specialHref,
  brand,
}: {
  specialHref: string;
  /** 站点设置: name, tagline and the uploaded logo */
  brand: SiteBrand & { tagline: string };
}) {
  const guide: GuideLink[] = [
    { href: specialHref, label: "专题", description: "围绕一个主题的系列报道" },
    { href: "/#hot", label: "热门", description: "近 7 天阅读最多的文章" },
    { href: "/feed", label: "RSS 订阅", description: "在阅读器里订阅全站更新" },
    { href: "/contribute", label: "投稿", description: "分享你的研究与实战经验" },
  ];
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
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
            <a href="/" className="s-nav-a">
              首页
            </a>
            <GuideMenu links={guide} />
          </nav>
          <div className="flex flex-col gap-3 md:ml-auto md:flex-row md:items-center">
            <SearchForm />
            <a href="/contribute" className="s-nav-a">
              投稿
            </a>
            <NotificationBell />
            <UserMenu />
          </div>
        </CollapsibleNav>
      </div>
    </header>
  );
}
