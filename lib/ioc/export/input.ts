import type { IocItem } from "../types";

/** What every export is made of: the article, the site that publishes it, and its indicators. */
export type IocExportInput = {
  site: { name: string; url: string };
  article: {
    publicId: string;
    title: string;
    lede: string;
    url: string;
    publishedAt: Date;
    updatedAt: Date;
  };
  /** normalised and de-duplicated, in the order of the article (collectIocItems) */
  items: IocItem[];
};

/** The download's file name stem: the article's public id, never its (zh-CN, free) title. */
export const exportFilename = (input: IocExportInput, ext: string) =>
  `byline-${input.article.publicId}-ioc.${ext}`;
