import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { can, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getGlossaryEntries } from "@/lib/services/glossary/get-glossary-entries";
import { listSegments } from "@/lib/services/translation/segments/list-segments";
import { machineTranslatorFromEnv } from "@/lib/translation/machine/provider";
import { requireStaff } from "../../../staff";
import { IngestPanel } from "./ingest-panel";
import { PrefillProvider } from "./prefill-button";
import { TranslateWorkspace } from "./translate-workspace";

export const metadata: Metadata = { title: "双语翻译" };

type Props = { params: Promise<{ id: string }> };

async function load(actor: Actor, id: string) {
  try {
    return await listSegments(actor, id);
  } catch (e) {
    // someone else's draft and a malformed id look exactly like a missing article
    if ((e instanceof AppError && e.code === "NOT_FOUND") || e instanceof ZodError) notFound();
    throw e;
  }
}

export default async function TranslatePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireStaff(`/editor/articles/${encodeURIComponent(id)}/translate`);
  const [work, glossary] = await Promise.all([
    load(actor, id),
    can(actor, "translation.tools") ? getGlossaryEntries() : [],
  ]);
  const { article, permissions } = work;

  if (work.segments.length === 0)
    return (
      <div className="mx-auto max-w-2xl space-y-4 rounded-lg bg-white p-6">
        <Link href={`/editor/articles/${article.id}`} className="text-sm text-brand-700 hover:underline">
          ← 返回编辑器
        </Link>
        <h1 className="text-lg font-semibold text-ink-900">双语翻译：{article.title}</h1>
        <p className="text-sm text-ink-600">
          还没有原文段落。可以<strong>从链接抓取原文</strong>
          （服务器读取原文页面并自动填写原文标题、作者和来源）， 或在原文需要登录、付费而无法抓取时
          <strong>粘贴原文</strong>。导入后，原文按段落排在左侧，在右侧逐段翻译。
        </p>
        {permissions.canEdit ? (
          <IngestPanel articleId={article.id} version={article.version} defaultUrl={article.sourceUrl} />
        ) : (
          <p className="text-sm text-amber-900">你没有修改这篇文章的权限，无法导入原文。</p>
        )}
      </div>
    );

  // keyed by what a re-import changes, so new segments replace the old state; saves do not remount it
  return (
    <div className="space-y-4">
      <PrefillProvider
        articleId={article.id}
        isEnabled={permissions.canEdit && machineTranslatorFromEnv() !== null}
      >
        <TranslateWorkspace
          key={`${article.version}:${work.segments.length}`}
          work={work}
          glossary={glossary}
        />
      </PrefillProvider>
      {permissions.canEdit && (
        <details className="rounded-lg bg-white p-4">
          <summary className="cursor-pointer text-sm text-ink-600">重新导入原文</summary>
          <p className="my-2 text-sm text-amber-900">
            重新导入会用新的原文段落替换现有段落，已有译文将不再对应，请只在原文抓取有误时使用。
          </p>
          <IngestPanel
            articleId={article.id}
            version={article.version}
            defaultUrl={article.sourceUrl}
            replace
          />
        </details>
      )}
    </div>
  );
}
