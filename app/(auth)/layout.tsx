import Link from "next/link";

/** Login and register: a quiet page with the brand bar and one centered card (4hou style). */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4">
          <Link href="/" className="text-xl font-bold tracking-tight text-brand-600">
            署名 <span className="font-semibold text-ink-900">Byline</span>
          </Link>
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-10 sm:py-16">
        {children}
      </main>
      <footer className="px-4 py-6 text-center text-xs text-ink-400">署名 Byline · 网络安全资讯与译文</footer>
    </div>
  );
}
