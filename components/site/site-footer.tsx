import type { ReactNode } from "react";
import type { SiteSettings } from "@/lib/services/public/get-site-settings";
import type { FooterPageLink } from "@/lib/services/public/list-footer-pages";

/** Footer: site pages, RSS and social links, copyright, the ICP filing number and the footer line from settings. */
export function SiteFooter({
  settings,
  pages,
  logo,
}: {
  settings: SiteSettings;
  pages: FooterPageLink[];
  /** the site's logo (SiteLogo), the same element as the header's */
  logo: ReactNode;
}) {
  return (
    <footer className="s-foot s-defer">
      <div className="s-foot-in">
        {logo}
        <nav aria-label="关于本站">
          <ul className="s-links">
            {pages.map((p) => (
              <li key={p.slug}>
                <a href={`/page/${p.slug}`}>{p.title}</a>
              </li>
            ))}
            <li>
              <a href="/corrections">更正与更新</a>
            </li>
          </ul>
        </nav>
        <ul aria-label="订阅与社交" className="s-links">
          <li>
            <a href="/feed">RSS 订阅</a>
          </li>
          {settings.social.map((s) => (
            <li key={s.url}>
              <a href={s.url} rel="noopener noreferrer me" target="_blank">
                {s.name}
                <span className="sr-only">（在新窗口打开）</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div className="border-t border-slate-100">
        <div className="s-foot-end">
          <p>{settings.copyright}</p>
          {settings.icp && (
            <p>
              <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer" target="_blank">
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
