/**
 * Lets whoever schedules an article (lib/services/articles/publish-article.ts) wake this process'
 * 定时发布 timer (scheduled-publisher.ts) for that moment, so an article scheduled before the next
 * tick still goes out on time. On globalThis: the timer starts in instrumentation, the schedule
 * action runs in the app's bundle, same process. Without a running scheduler (tests, scripts) a
 * nudge does nothing; the next tick of any instance finds the article anyway.
 */
type Nudge = (at: Date) => void;
const g = globalThis as unknown as { __bylineSchedulerNudge?: Nudge | null };

export function setSchedulerNudge(nudge: Nudge | null) {
  g.__bylineSchedulerNudge = nudge;
}

export function nudgeScheduledPublisher(at: Date) {
  g.__bylineSchedulerNudge?.(at);
}
