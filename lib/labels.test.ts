import { describe, expect, it } from "vitest";
import {
  ArticleStatus,
  CommentStatus,
  CorrectionKind,
  Role,
  TagKind,
  UserStatus,
} from "@/lib/generated/prisma/enums";
import * as labels from "./labels";

// Each label map against the enum it names: a value added to schema.prisma without a zh-CN name
// (or a name left behind for a removed value) fails here, not as "undefined" on a page.
const maps: [string, Record<string, string>, Record<string, string>][] = [
  ["ARTICLE_STATUS_LABELS", labels.ARTICLE_STATUS_LABELS, ArticleStatus],
  ["CONTRIBUTION_STATUS_LABELS", labels.CONTRIBUTION_STATUS_LABELS, ArticleStatus],
  ["COMMENT_STATUS_LABELS", labels.COMMENT_STATUS_LABELS, CommentStatus],
  ["MY_COMMENT_STATUS_LABELS", labels.MY_COMMENT_STATUS_LABELS, CommentStatus],
  ["ROLE_LABELS", labels.ROLE_LABELS, Role],
  ["USER_STATUS_LABELS", labels.USER_STATUS_LABELS, UserStatus],
  ["CORRECTION_KIND_LABELS", labels.CORRECTION_KIND_LABELS, CorrectionKind],
  ["TAG_KIND_LABELS", labels.TAG_KIND_LABELS, TagKind],
];

describe("enum labels", () => {
  it.each(maps)("%s names every enum value and nothing else", (_name, map, enumObject) => {
    expect(Object.keys(map).sort()).toEqual(Object.values(enumObject).sort());
  });

  it.each(maps)("%s labels are non-empty Chinese text", (_name, map) => {
    for (const label of Object.values(map)) expect(label).toMatch(/^\S.*\p{Script=Han}/u);
  });

  it("every exported map is checked", () => {
    expect(Object.keys(labels).sort()).toEqual(maps.map(([name]) => name).sort());
  });

  it("staff labels are the ones the admin filters offer, in enum order", () => {
    expect(Object.keys(labels.ROLE_LABELS)).toEqual(Object.values(Role));
    expect(labels.ROLE_LABELS.ADMIN).toBe("管理员");
    expect(labels.ARTICLE_STATUS_LABELS.IN_REVIEW).toBe("审核中");
  });
});
