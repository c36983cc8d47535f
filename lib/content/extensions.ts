import type { Extensions } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { Figure } from "./figure";
import { IocBlock } from "./ioc-block";

/**
 * The one list of node and mark types an article may contain. The editor and the server-side
 * renderer both use it, so what an editor can produce is exactly what the renderer accepts.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
    underline: false,
  }),
  TableKit.configure({ table: { resizable: false } }),
  Figure,
  IocBlock,
];
