"use client";

import { useRouter } from "next/navigation";
import { createContext, Fragment, useContext, useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { prefillSegmentsAction } from "./actions";

type PrefillState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; filled: number; skipped: number }
  | { kind: "error"; message: string };

type Prefill = { state: PrefillState; run: () => void };

const PrefillContext = createContext<Prefill | null>(null);

type ProviderProps = { articleId: string; isEnabled: boolean; children: React.ReactNode };

/**
 * 机器预翻译, offered only when the server has a provider configured (the page decides). It sits
 * outside the workspace on purpose: after a prefill the workspace is remounted from the refreshed
 * segments (its store only reads them on mount), and the result message must outlive that.
 * The remount waits for the refresh because both are one transition. Text typed but not yet saved
 * survives it through the workspace's local backup.
 */
export function PrefillProvider({ articleId, isEnabled, children }: ProviderProps) {
  const router = useRouter();
  const [state, setState] = useState<PrefillState>({ kind: "idle" });
  const [generation, setGeneration] = useState(0);
  const [isRefreshing, startTransition] = useTransition();

  async function run() {
    setState({ kind: "busy" });
    const r = await prefillSegmentsAction({ articleId }).catch(() => null);
    if (!r) return setState({ kind: "error", message: "网络连接失败，请稍后重试。" });
    if (!r.ok) return setState({ kind: "error", message: r.error.message });
    setState({ kind: "done", ...r.data });
    if (r.data.filled > 0)
      startTransition(() => {
        router.refresh();
        setGeneration((g) => g + 1);
      });
  }

  const value: Prefill | null = isEnabled
    ? { state: isRefreshing ? { kind: "busy" } : state, run: () => void run() }
    : null;
  return (
    <PrefillContext value={value}>
      <Fragment key={generation}>{children}</Fragment>
    </PrefillContext>
  );
}

/** The header's button; nothing at all without a configured provider. */
export function PrefillButton({ untranslated }: { untranslated: number }) {
  const prefill = useContext(PrefillContext);
  if (!prefill) return null;
  const isBusy = prefill.state.kind === "busy";
  return (
    <button
      type="button"
      className={secondaryButton}
      disabled={isBusy || untranslated === 0}
      onClick={prefill.run}
      title={
        untranslated === 0
          ? "没有未翻译的段落"
          : "用机器翻译填写所有未翻译的段落（已有译文不会被覆盖），之后请逐段核对"
      }
    >
      {isBusy ? "正在预翻译…" : "机器预翻译"}
    </button>
  );
}

/** 已预翻译 N 段… or the service's message. */
export function PrefillNotice() {
  const state = useContext(PrefillContext)?.state;
  if (state?.kind === "error") return <FormAlert tone="error">{state.message}</FormAlert>;
  if (state?.kind !== "done") return null;
  return (
    <FormAlert tone="success">
      {state.filled > 0 ? `已预翻译 ${state.filled} 段，请逐段核对后确认` : "没有需要预翻译的段落"}
      {state.skipped > 0 && `（${state.skipped} 段未填写：已有人工译文或机器未返回译文）`}。
    </FormAlert>
  );
}
