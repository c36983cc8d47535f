import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";

/** The events a webhook listens to: one checkbox each, named `events` (repeated → an array). */
export function EventCheckboxes({ idPrefix, checked }: { idPrefix: string; checked?: readonly string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">事件</legend>
      {WEBHOOK_EVENTS.map((e: WebhookEvent) => (
        <label key={e} htmlFor={`${idPrefix}-${e}`} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            id={`${idPrefix}-${e}`}
            name="events"
            value={e}
            defaultChecked={checked ? checked.includes(e) : true}
          />
          <span>{WEBHOOK_EVENT_LABELS[e]}</span>
          <code className="text-xs text-ink-600">{e}</code>
        </label>
      ))}
    </fieldset>
  );
}
