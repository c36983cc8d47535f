/** The centered white card the auth forms sit in. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby="auth-title"
      className="w-full max-w-[400px] rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <h1 id="auth-title" className="text-2xl font-semibold text-ink-900">
        {title}
      </h1>
      {subtitle ? <p className="mt-1.5 text-sm text-ink-600">{subtitle}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}
