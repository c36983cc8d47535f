import type { TaskProgress } from "@/lib/services/translation/tasks/list-tasks";

/** 34/52 with a bar; "未导入原文" before the source has been ingested. */
export function ProgressCell({ progress }: { progress: TaskProgress | null }) {
  if (!progress || progress.total === 0) return <span className="text-ink-600">未导入原文</span>;
  return (
    <span className="inline-flex min-w-[7rem] flex-col gap-1">
      <span className="text-sm">
        {progress.done}/{progress.total}
        <span className="sr-only">段已翻译</span>
      </span>
      <progress
        aria-label="翻译进度"
        value={progress.done}
        max={progress.total}
        className="h-1.5 w-full accent-brand-600"
      />
    </span>
  );
}
