import { type Action, POLICY } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Which permission each staff page needs, by path: the editor workspace and every admin section.
 * Pure, for proxy.ts (the 404 status, below) and a test that checks every staff page is covered.
 * The pages and services check again against the database; this table only decides whether a
 * signed-in role gets a real 404 before anything renders (issue 8, finding 7a).
 */
const RULES: [RegExp, Action][] = [
  [/^\/editor\/review(\/|$)/, "article.review"],
  [/^\/editor\/glossary(\/|$)/, "translation.tools"],
  [/^\/editor(\/|$)/, "article.create"],
  [/^\/admin\/users(\/|$)/, "user.manage"],
  // the comment rules are site settings: admins only, though the queue beside them is editors' too
  [/^\/admin\/comments\/rules(\/|$)/, "settings.manage"],
  [/^\/admin\/comments(\/|$)/, "comment.moderate"],
  [/^\/admin\/categories(\/|$)/, "category.manage"],
  // tags are editors' too (rename, merge, slug); navigation and pages sit with the site settings
  [/^\/admin\/tags(\/|$)/, "tag.manage"],
  [/^\/admin\/navigation(\/|$)/, "settings.manage"],
  [/^\/admin\/pages(\/|$)/, "page.manage"],
  [/^\/admin\/transfer(\/|$)/, "site.export"],
  [/^\/admin\/settings(\/|$)/, "settings.manage"],
  [/^\/admin\/audit(\/|$)/, "audit.view"],
  [/^\/admin\/integrations(\/|$)/, "integration.manage"],
  // the overview itself: moderators too (it sends editors on to the comment queue)
  [/^\/admin\/?$/, "comment.moderate"],
  // any other admin path: admins only
  [/^\/admin(\/|$)/, "user.manage"],
];

/** The permission a staff path needs, or null outside the staff areas. */
export function staffPathAction(pathname: string): Action | null {
  for (const [pattern, action] of RULES) if (pattern.test(pathname)) return action;
  return null;
}

/** Whether a role may open this staff path at all (object-level checks come later, in the page). */
export function mayOpenStaffPath(role: Role, pathname: string): boolean {
  const action = staffPathAction(pathname);
  return action === null || POLICY[action][role] !== "none";
}
