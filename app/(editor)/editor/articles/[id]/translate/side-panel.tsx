import type { ReactNode } from "react";
import type { MemoryMatch } from "@/lib/services/translation/memory/lookup-memory";
import type { TermHit } from "@/lib/translation/glossary/match";
import type { QaFinding } from "@/lib/translation/types";
import { MemoryPanel } from "./memory-panel";
import { QaPanel } from "./qa-panel";
import { TermsPanel } from "./terms-panel";
import type { MemoryState } from "./use-memory-matches";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg bg-white p-3" aria-label={title}>
      <h2 className="text-sm font-semibold text-ink-900">{title}</h2>
      {children}
    </section>
  );
}

type Props = {
  focusedNumber?: number;
  memory: MemoryState;
  canInsert: boolean;
  onInsert: (m: MemoryMatch) => void;
  hits: TermHit[] | null;
  findings: QaFinding[];
  numberOf: (segmentId: string) => number | undefined;
  onOpen: (segmentId: string) => void;
};

/** Beside the grid (below it on small screens): help for the focused segment, QA for all. */
export function SidePanel(p: Props) {
  const suffix = p.focusedNumber ? `（第 ${p.focusedNumber} 段）` : "";
  return (
    <aside
      aria-label="翻译辅助"
      className="space-y-3 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-auto"
    >
      <Section title={`翻译记忆${suffix}`}>
        <MemoryPanel memory={p.memory} canInsert={p.canInsert} onInsert={p.onInsert} />
      </Section>
      <Section title={`术语${suffix}`}>
        <TermsPanel hits={p.hits} />
      </Section>
      <Section title="质量检查">
        <QaPanel findings={p.findings} numberOf={p.numberOf} onOpen={p.onOpen} />
      </Section>
    </aside>
  );
}
