/** The centered white card the auth forms sit in. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="auth-title" className="w-full max-w-[400px] rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 id="auth-title" className="text-2xl font-semibold text-ink-900">
        {title}
      </h1>
      {subtitle ? <p className="mt-1.5 text-sm text-ink-600">{subtitle}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}

/** Placeholder while the form (which reads the query string) streams in. */
export function FormSkeleton({ fields }: { fields: number }) {
  return (
    <div aria-hidden="true" className="animate-pulse space-y-5">
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="space-y-2">
          <div className="h-4 w-16 rounded bg-slate-200" />
          <div className="h-11 rounded-md bg-slate-100" />
        </div>
      ))}
      <div className="h-11 rounded-md bg-brand-100" />
    </div>
  );
}
