import { Extension } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { uploadImageFile } from "./upload-image";

/** What POST /api/media takes (lib/media): the same list the figure dialog's file field names. */
const ACCEPTED = ["image/jpeg", "image/png", "image/gif", "image/webp"];
export const WRONG_TYPE_MESSAGE = "只能插入 JPEG、PNG、GIF 或 WebP 图片，其他文件没有上传。";

type Meta = { add?: { id: string; pos: number; name: string }; remove?: string };
const key = new PluginKey<DecorationSet>("imageUploads");
let counter = 0;

function placeholder(name: string): HTMLElement {
  const el = document.createElement("div");
  el.className = "upload-placeholder";
  el.setAttribute("role", "status");
  el.setAttribute("contenteditable", "false");
  el.textContent = `正在上传图片 ${name}…`;
  return el;
}

/** "正在上传图片 …" widgets where uploads will land; they move with the text typed meanwhile. */
const placeholders = new Plugin<DecorationSet>({
  key,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const meta = tr.getMeta(key) as Meta | undefined;
      if (meta?.add) {
        const { id, pos, name } = meta.add;
        next = next.add(tr.doc, [Decoration.widget(pos, () => placeholder(name), { id, side: -1 })]);
      }
      if (meta?.remove) next = next.remove(next.find(undefined, undefined, (s) => s.id === meta.remove));
      return next;
    },
  },
  props: { decorations: (state) => key.getState(state) },
});

export const ImageUploads = Extension.create({
  name: "imageUploads",
  addProseMirrorPlugins: () => [placeholders],
});

const placeholderPos = (view: EditorView, id: string) =>
  key.getState(view.state)?.find(undefined, undefined, (s) => s.id === id)[0]?.from ?? null;

/** Image files of a paste or drop, and whether anything else came along (refused with a message). */
export function imageFiles(data: DataTransfer | null): { images: File[]; others: number } {
  const files = Array.from(data?.files ?? []);
  const images = files.filter((f) => ACCEPTED.includes(f.type));
  return { images, others: files.length - images.length };
}

type Callbacks = { onError: (message: string) => void; onInserted: () => void };

/**
 * Uploads each file through POST /api/media with a placeholder at `pos`, then puts a figure there
 * (src, width, height from the server; alt still empty, so the figure is selected and onInserted
 * opens the figure dialog to ask for it). A failed upload inserts nothing and reports the server's
 * zh-CN message. If the placeholder was deleted meanwhile, the image is not inserted.
 */
export function uploadImagesAt(view: EditorView, files: File[], pos: number, cb: Callbacks) {
  for (const file of files) {
    const id = `upload-${++counter}`;
    view.dispatch(view.state.tr.setMeta(key, { add: { id, pos, name: file.name } } satisfies Meta));
    void uploadImageFile(file).then(
      (img) => {
        if (view.isDestroyed) return;
        const at = placeholderPos(view, id);
        const tr = view.state.tr.setMeta(key, { remove: id } satisfies Meta);
        if (at === null) return view.dispatch(tr);
        const figure = view.state.schema.nodes.figure!.create({
          src: img.url,
          alt: "",
          caption: "",
          width: img.width,
          height: img.height,
          srcset: img.srcset,
        });
        tr.replaceRangeWith(at, at, figure);
        // replaceRangeWith may have moved out of a paragraph: find the node it placed
        let figurePos: number | null = null;
        tr.doc.descendants((n, p) => {
          if (n === figure) figurePos = p;
          return figurePos === null;
        });
        if (figurePos !== null) tr.setSelection(NodeSelection.create(tr.doc, figurePos));
        view.dispatch(tr.scrollIntoView());
        if (figurePos !== null) cb.onInserted();
      },
      (e: unknown) => {
        if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, { remove: id } satisfies Meta));
        cb.onError((e as Error).message);
      },
    );
  }
}
