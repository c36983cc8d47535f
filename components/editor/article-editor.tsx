"use client";

import { Extension, type JSONContent } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useRef, useState, type Ref } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { EditorToolbar } from "./editor-toolbar";
import { FigureDialog, type FigureAttrs } from "./figure-dialog";
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

/**
 * 正文编辑器: the shared article extension list (lib/content/extensions.ts, so the editor cannot
 * produce what the server renderer refuses) plus editor-only behaviour: placeholder, Mod+K for
 * links and Mod+Shift+I for images.
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
  const open = useRef(setDialog);
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    content: initialContent,
    extensions: [
      ...articleExtensions,
      Placeholder.configure({ placeholder: "从这里开始写正文…" }),
      Extension.create({
        name: "editorShortcuts",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => (open.current("link"), true),
          "Mod-Shift-i": () => (open.current("figure"), true),
        }),
      }),
    ],
    editorProps: {
      attributes: {
        class: "prose prose-slate max-w-none min-h-[50vh] px-4 py-3 focus:outline-none",
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
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
      <div ref={scrollRef} className="editor-scroll max-h-[75vh] overflow-y-auto">
        <EditorContent editor={editor} />
      </div>
      <LinkDialog
        open={dialog === "link"}
        initialHref={(editor.getAttributes("link").href as string | undefined) ?? ""}
        onClose={close}
        onSubmit={(href) => {
          const c = editor.chain().focus().extendMarkRange("link");
          (href ? c.setLink({ href }) : c.unsetLink()).run();
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
