"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { ToolbarButton as B } from "./toolbar-button";

type Props = { editor: Editor; onLink: () => void; onFigure: () => void };

const LANGUAGES = [
  "",
  "bash",
  "python",
  "javascript",
  "typescript",
  "go",
  "java",
  "c",
  "cpp",
  "csharp",
  "php",
  "ruby",
  "rust",
  "powershell",
  "sql",
  "json",
  "yaml",
  "xml",
  "http",
  "plaintext",
];

/** Arrow keys move between buttons, as a toolbar should; Tab leaves it. */
function onToolbarKeys(e: React.KeyboardEvent<HTMLDivElement>) {
  if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not([disabled])")];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i < 0) return;
  e.preventDefault();
  buttons[(i + (e.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length]?.focus();
}

export function EditorToolbar({ editor, onLink, onFigure }: Props) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      strike: e.isActive("strike"),
      code: e.isActive("code"),
      link: e.isActive("link"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      codeBlock: e.isActive("codeBlock"),
      language: (e.getAttributes("codeBlock").language as string | null) ?? "",
      table: e.isActive("table"),
      figure: e.isActive("figure"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      editable: e.isEditable,
    }),
  });
  const c = () => editor.chain().focus();
  if (!s.editable) return null;
  return (
    <div
      role="toolbar"
      aria-label="正文格式"
      onKeyDown={onToolbarKeys}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-0.5 border-b border-slate-200 bg-white/95 p-1 backdrop-blur"
    >
      <B label="粗体" shortcut="Mod+B" active={s.bold} onClick={() => c().toggleBold().run()}>
        <b>B</b>
      </B>
      <B label="斜体" shortcut="Mod+I" active={s.italic} onClick={() => c().toggleItalic().run()}>
        <i>I</i>
      </B>
      <B label="删除线" shortcut="Mod+Shift+S" active={s.strike} onClick={() => c().toggleStrike().run()}>
        <s>S</s>
      </B>
      <B label="行内代码" shortcut="Mod+E" active={s.code} onClick={() => c().toggleCode().run()}>
        <code>{"<>"}</code>
      </B>
      <B label="链接" shortcut="Mod+K" active={s.link} onClick={onLink}>
        链接
      </B>
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />
      <B
        label="二级标题"
        shortcut="Mod+Alt+2"
        active={s.h2}
        onClick={() => c().toggleHeading({ level: 2 }).run()}
      >
        H2
      </B>
      <B
        label="三级标题"
        shortcut="Mod+Alt+3"
        active={s.h3}
        onClick={() => c().toggleHeading({ level: 3 }).run()}
      >
        H3
      </B>
      <B
        label="无序列表"
        shortcut="Mod+Shift+8"
        active={s.bullet}
        onClick={() => c().toggleBulletList().run()}
      >
        • 列表
      </B>
      <B
        label="有序列表"
        shortcut="Mod+Shift+7"
        active={s.ordered}
        onClick={() => c().toggleOrderedList().run()}
      >
        1. 列表
      </B>
      <B label="引用" shortcut="Mod+Shift+B" active={s.quote} onClick={() => c().toggleBlockquote().run()}>
        引用
      </B>
      <B label="代码块" shortcut="Mod+Alt+C" active={s.codeBlock} onClick={() => c().toggleCodeBlock().run()}>
        代码块
      </B>
      {s.codeBlock && (
        <label className="ml-1 flex items-center gap-1 text-xs text-ink-600">
          语言
          <select
            value={s.language}
            onChange={(e) =>
              c()
                .updateAttributes("codeBlock", { language: e.target.value || null })
                .run()
            }
            className="rounded border border-slate-300 px-1 py-1 text-xs"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l || "纯文本"}
              </option>
            ))}
          </select>
        </label>
      )}
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />
      <B
        label={s.figure ? "编辑图片" : "插入图片"}
        shortcut="Mod+Shift+I"
        active={s.figure}
        onClick={onFigure}
      >
        图片
      </B>
      <B label="插入分隔线" shortcut="Mod+Alt+H" onClick={() => c().setHorizontalRule().run()}>
        分隔线
      </B>
      <B
        label="插入表格"
        onClick={() => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        disabled={s.table}
      >
        表格
      </B>
      <B
        label="插入 IOC 区块"
        onClick={() =>
          c()
            .insertContent({ type: "iocBlock", attrs: { items: [] } })
            .run()
        }
      >
        插入 IOC
      </B>
      {s.table && (
        <>
          <B label="在下方插入行" onClick={() => c().addRowAfter().run()}>
            +行
          </B>
          <B label="在右侧插入列" onClick={() => c().addColumnAfter().run()}>
            +列
          </B>
          <B label="删除当前行" onClick={() => c().deleteRow().run()}>
            −行
          </B>
          <B label="删除当前列" onClick={() => c().deleteColumn().run()}>
            −列
          </B>
          <B label="删除表格" onClick={() => c().deleteTable().run()}>
            删表格
          </B>
        </>
      )}
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />
      <B label="撤销" shortcut="Mod+Z" disabled={!s.canUndo} onClick={() => c().undo().run()}>
        ↶
      </B>
      <B label="重做" shortcut="Mod+Shift+Z" disabled={!s.canRedo} onClick={() => c().redo().run()}>
        ↷
      </B>
    </div>
  );
}
