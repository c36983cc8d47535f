"use client";

import { Extension, type JSONContent } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useRef, useState, type Ref } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { cleanPastedHtml } from "@/lib/content/paste/clean-html";
import { EditorNotice, type Notice } from "./editor-notice";
import { EditorStats } from "./editor-stats";
import { EditorToolbar } from "./editor-toolbar";
import { FigureDialog, type FigureAttrs } from "./figure-dialog";
import { ImageUploads, imageFiles, uploadImagesAt, WRONG_TYPE_MESSAGE } from "./image-drop";
import { IocBlockEditor } from "./ioc-block-view";
import { IocLiveUrls } from "./ioc-live-urls";
import { LinkDialog } from "./link-dialog";
import "./editor.css";

type Props = {
  initialContent: JSONContent;
  editable: boolean;
  /** called on every change; read the document with editor.getJSON() when you need it (it is not free) */
  onChange: () => void;
  onReady?: (editor: Editor) => void;
  /** the scrolling box around the document, for the translation pane's scroll sync */
  scrollRef?: Ref<HTMLDivElement>;
  label?: string;
};

/** Word and web pages put a picture of the copied text beside its HTML: then the text is what was meant. */
const hasText = (html: string) =>
  !!html && !!new DOMParser().parseFromString(html, "text/html").body.textContent?.trim();

/**
 * 正文编辑器: the shared article extension list (lib/content/extensions.ts, so the editor cannot
 * produce what the server renderer refuses) plus editor-only behaviour: placeholder, Mod+K for
 * links, Mod+Shift+I for images, pasted HTML cleaned to our schema (lib/content/paste), and
 * pasted or dropped image files uploaded and inserted as figures.
 */
export function ArticleEditor({
  initialContent,
  editable,
  onChange,
  onReady,
  scrollRef,
  label = "正文",
}: Props) {
  const [dialog, setDialog] = useState<"link" | "figure" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // the editor's props are set once: they reach React state through refs
  const open = useRef(setDialog);
  const notify = useRef(setNotice);
  const upload = {
    onError: (text: string) => notify.current({ kind: "error", text }),
    onInserted: () => open.current("figure"),
  };
  const filesOf = (data: DataTransfer | null) => {
    const { images, others } = imageFiles(data);
    if (others) notify.current({ kind: "error", text: WRONG_TYPE_MESSAGE });
    return images;
  };
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    content: initialContent,
    extensions: [
      // the same list, the IOC block with its editing view (a React node view stays out of lib/content)
      ...articleExtensions.map((e) => (e.name === IocBlockEditor.name ? IocBlockEditor : e)),
      ImageUploads,
      Placeholder.configure({ placeholder: "从这里开始写正文…" }),
      Extension.create({
        name: "editorShortcuts",
        addKeyboardShortcuts() {
          return {
            "Mod-k": () => (open.current("link"), true),
            "Mod-Shift-i": () => (open.current("figure"), true),
            "Mod-Alt-h": () => this.editor.commands.setHorizontalRule(),
          };
        },
      }),
    ],
    editorProps: {
      attributes: {
        class: "prose prose-slate max-w-none min-h-[50vh] px-4 py-3 focus:outline-none",
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
      },
      transformPastedHTML: (html) => {
        const { html: clean, removedImages } = cleanPastedHtml(html);
        if (removedImages)
          notify.current({ kind: "info", text: `已移除 ${removedImages} 张外部图片，请上传图片。` });
        return clean;
      },
      handlePaste: (view, event) => {
        const data = event.clipboardData;
        if (!data?.files.length || hasText(data.getData("text/html"))) return false;
        const images = filesOf(data);
        if (!images.length) return true;
        view.dispatch(view.state.tr.deleteSelection());
        uploadImagesAt(view, images, view.state.selection.from, upload);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        if (moved || !event.dataTransfer?.files.length) return false;
        event.preventDefault();
        const images = filesOf(event.dataTransfer);
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        if (images.length) uploadImagesAt(view, images, at ?? view.state.selection.from, upload);
        return true;
      },
    },
    onCreate: ({ editor: e }) => onReady?.(e),
    onUpdate: () => onChange(),
  });

  if (!editor)
    return <div className="min-h-[50vh] animate-pulse rounded bg-slate-100" aria-label="编辑器加载中" />;

  const figure = editor.isActive("figure") ? (editor.getAttributes("figure") as FigureAttrs) : null;
  const close = () => {
    setDialog(null);
    editor.commands.focus();
  };
  return (
    <div className="rounded-md border border-slate-300 bg-white focus-within:border-brand-600">
      <EditorToolbar editor={editor} onLink={() => setDialog("link")} onFigure={() => setDialog("figure")} />
      <EditorNotice notice={notice} onDismiss={() => setNotice(null)} />
      <div ref={scrollRef} className="editor-scroll max-h-[75vh] overflow-y-auto">
        <EditorContent editor={editor} />
      </div>
      <EditorStats editor={editor} />
      <IocLiveUrls editor={editor} />
      <LinkDialog
        open={dialog === "link"}
        initialHref={(editor.getAttributes("link").href as string | undefined) ?? ""}
        onClose={close}
        onSubmit={(href, text) => {
          const c = editor.chain().focus().extendMarkRange("link");
          // nothing selected: the link comes with its own text (the article's title, or the address)
          if (href && text && editor.state.selection.empty && !editor.isActive("link"))
            c.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
          else (href ? c.setLink({ href }) : c.unsetLink()).run();
          setDialog(null);
        }}
      />
      <FigureDialog
        open={dialog === "figure"}
        initial={figure}
        onClose={close}
        onSubmit={(attrs) => {
          if (figure) editor.chain().focus().updateAttributes("figure", attrs).run();
          else editor.chain().focus().insertContent({ type: "figure", attrs }).run();
          setDialog(null);
        }}
      />
    </div>
  );
}
