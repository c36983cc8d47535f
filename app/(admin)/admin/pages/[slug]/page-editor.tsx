"use client";

import type { JSONContent } from "@tiptap/core";
import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { ArticleEditor } from "@/components/editor/article-editor";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import type { ActionError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { PageSlug } from "@/lib/services/pages/schemas";
import { savePageAction } from "../actions";
import { useUnsavedWarning } from "./use-unsaved-warning";

type Props = { slug: PageSlug; title: string; doc: JSONContent; version: number };

type State =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; error: ActionError }
  | { kind: "conflict"; message: string };

const UNREACHABLE: ActionError = {
  code: "INTERNAL",
  message: "网络连接失败，没有保存。你的修改仍在编辑器里，请稍后再点“保存”。",
};

/**
 * 标题 and 正文 of one footer page, saved by hand (保存 or Ctrl/⌘+S) with the version it was
 * opened at. A stale save (someone saved since, maybe this admin in another tab) is refused and
 * the typed text stays in the editor; nothing here ever replaces it.
 */
export function PageEditor({ slug, title: initialTitle, doc, version: initialVersion }: Props) {
  const router = useRouter();
  const editor = useRef<Editor | null>(null);
  const version = useRef(initialVersion);
  // the body as last saved (JSON text), compared once changes settle: a transaction that changes
  // nothing (a normalisation, an undo back to the saved text) is not an unsaved change
  const savedBody = useRef<string | null>(null);
  const check = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef(false);
  const [title, setTitle] = useState(initialTitle);
  const [savedTitle, setSavedTitle] = useState(initialTitle);
  const [bodyDirty, setBodyDirty] = useState(false);
  const [state, setState] = useState<State>({ kind: "idle" });
  const dirty = bodyDirty || title !== savedTitle;
  useUnsavedWarning(dirty);

  async function save() {
    if (!editor.current || saving.current) return;
    saving.current = true;
    const sent = title;
    // as JSON text and back: ProseMirror keeps node attrs in null-prototype objects, which a
    // server action's arguments cannot carry (React sends them as "$T" temporary references, and
    // the body schema then refuses every heading or link)
    const bodyText = JSON.stringify(editor.current.getJSON());
    const body = JSON.parse(bodyText) as JSONContent;
    setState({ kind: "saving" });
    try {
      const r = await savePageAction({
        slug,
        version: version.current,
        title: sent,
        body,
      }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!r.ok) {
        const conflict = r.error.code === "CONFLICT" && r.error.retryAfterSeconds === undefined;
        setState(
          conflict ? { kind: "conflict", message: r.error.message } : { kind: "error", error: r.error },
        );
        return;
      }
      version.current = r.data.version;
      setSavedTitle(sent.trim());
      if (sent.trim() !== sent) setTitle((t) => (t === sent ? sent.trim() : t));
      savedBody.current = bodyText;
      setBodyDirty(JSON.stringify(editor.current.getJSON()) !== savedBody.current);
      setState({ kind: "saved", at: new Date(r.data.updatedAt) });
      router.refresh(); // the revision list and the page's heading
    } finally {
      saving.current = false;
    }
  }

  // Ctrl/⌘+S anywhere on the page, not only inside the form: focus is often elsewhere (a link
  // just clicked, the revision list), and the browser's own "save page" is never what is meant
  const onSaveKey = useEffectEvent(() => void save());
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        onSaveKey();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  const fieldErrors = state.kind === "error" ? (state.error.fieldErrors ?? {}) : {};
  return (
    <form
      className="space-y-3"
      aria-label="编辑页面"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="space-y-1.5">
        <label htmlFor="page-title" className="block text-sm font-medium text-ink-900">
          标题 <span className="font-normal text-ink-600">（1–100 字，也是页脚链接的文字）</span>
        </label>
        <input
          id="page-title"
          className={inputClass({ size: "md" })}
          value={title}
          maxLength={100}
          required
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={fieldErrors.title ? "page-title-error" : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {fieldErrors.title && (
          <p id="page-title-error" className="text-sm text-red-700">
            {fieldErrors.title.join(" ")}
          </p>
        )}
      </div>
      <ArticleEditor
        initialContent={doc}
        editable
        label="正文"
        onReady={(e) => {
          editor.current = e;
          savedBody.current = JSON.stringify(e.getJSON());
        }}
        onChange={() => {
          clearTimeout(check.current);
          check.current = setTimeout(() => {
            const e = editor.current;
            if (e) setBodyDirty(JSON.stringify(e.getJSON()) !== savedBody.current);
          }, 150);
        }}
      />
      {fieldErrors.body && <p className="text-sm text-red-700">{fieldErrors.body.join(" ")}</p>}
      {state.kind === "conflict" && (
        <FormAlert tone="error">
          {state.message}{" "}
          <Link href={`/admin/pages/${slug}`} target="_blank" className="underline">
            在新窗口查看最新版本
          </Link>
        </FormAlert>
      )}
      {state.kind === "error" && <FormAlert tone="error">{state.error.message}</FormAlert>}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 py-2">
        <button
          type="submit"
          className={primaryButton}
          disabled={state.kind === "saving"}
          aria-busy={state.kind === "saving" || undefined}
        >
          {state.kind === "saving" ? "保存中…" : "保存"}
        </button>
        <p role="status" className="text-sm text-ink-600" data-testid="save-state">
          {state.kind === "saving"
            ? "正在保存…"
            : dirty
              ? "有未保存的修改"
              : state.kind === "saved"
                ? `已保存（${formatDateTime(state.at)}），公开页面已更新`
                : "没有未保存的修改"}
        </p>
        <span className="text-xs text-ink-600">快捷键：Ctrl/⌘ + S 保存</span>
      </div>
    </form>
  );
}
