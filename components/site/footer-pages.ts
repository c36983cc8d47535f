/** The footer's editable pages (Page rows), in footer order. */
export const footerPages = [
  { slug: "about", label: "公司简介" },
  { slug: "contribute", label: "我要投稿" },
  { slug: "changelog", label: "更新日志" },
  { slug: "links", label: "友情链接" },
  { slug: "privacy", label: "隐私政策" },
] as const;
