import type { Navigation, NavItem } from "./schemas";

const item = (
  label: string,
  href: string,
  description = "",
  placement: NavItem["placement"] = "start",
): NavItem => ({
  label,
  href,
  description,
  newTab: false,
  placement,
});

/**
 * The menus as they were hard-coded before they became editable: a site without nav.* rows (or
 * with a malformed one) shows exactly these. 专题 points at the special tag (site.specialTag).
 */
export function defaultNavigation(specialHref: string): Navigation {
  return {
    guide: [
      item("专题", specialHref, "围绕一个主题的系列报道"),
      item("热门", "/#hot", "近 7 天阅读最多的文章"),
      item("RSS 订阅", "/feed", "在阅读器里订阅全站更新"),
      item("投稿", "/contribute", "分享你的研究与实战经验"),
    ],
    header: [item("首页", "/"), item("投稿", "/contribute", "", "end")],
  };
}

/** /tag/<special tag>, or the tag index when none is set (as the header always did). */
export const specialHrefFor = (specialTag: string) =>
  specialTag ? `/tag/${encodeURIComponent(specialTag)}` : "/tag";

/** The setting the default 专题 link follows (the footer settings read it too). */
export const SPECIAL_TAG_KEY = "site.specialTag";
