import type { SiteSettings } from "@/lib/services/public/get-site-settings";
import type { FooterPageLink } from "@/lib/services/public/list-footer-pages";
import { SiteLogo } from "./site-logo";

/** Footer: site pages, RSS and social links, copyright, the ICP filing number and the footer line from settings. */
export function SiteFooter({ settings, pages }: { settings: SiteSettings; pages: FooterPageLink[] }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white text-sm text-ink-600">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 md:grid-cols-[auto_1fr_auto] md:items-start">
        <SiteLogo brand={settings} height="h-7" />
        <nav aria-label="关于本站">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {pages.map((p) => (
              <li key={p.slug}>
                <a href={`/page/${p.slug}`} className="hover:text-brand-600">
                  {p.title}
                </a>
              </li>
            ))}
            <li>
              <a href="/corrections" className="hover:text-brand-600">
                更正与更新
              </a>
            </li>
          </ul>
        </nav>
        <ul aria-label="订阅与社交" className="flex flex-wrap gap-x-4 gap-y-2">
          <li>
            <a href="/feed" className="hover:text-brand-600">
              RSS 订阅
            </a>
          </li>
          {settings.social.map((s) => (
            <li key={s.url}>
              <a href={s.url} rel="noopener noreferrer me" target="_blank" className="hover:text-brand-600">
                {s.name}
                <span className="sr-only">（在新窗口打开）</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div className="border-t border-slate-100">
        <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-4 text-xs md:flex-row md:gap-4">
          <p>{settings.copyright}</p>
          {settings.icp && (
            <p>
              <a
                href="https://beian.miit.gov.cn/"
                rel="noopener noreferrer"
                target="_blank"
                className="hover:text-brand-600"
              >
                {settings.icp}
              </a>
            </p>
          )}
          <p className="md:ml-auto">{settings.footerText}</p>
        </div>
      </div>
    </footer>
  );
}
