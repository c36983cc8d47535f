import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { KeysetArticles } from "@/components/site/keyset-articles";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { PersonAvatar } from "@/components/site/person-avatar";
import { RssLink } from "@/components/site/rss-link";
import { formatDate } from "@/lib/format/beijing-time";
import { getMember } from "@/lib/services/public/get-member";
import { listMemberArticles } from "@/lib/services/public/list-member-articles";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../../search-params";

export async function memberMetadata(publicId: string): Promise<Metadata> {
  const member = await getMember(publicId);
  if (!member) return { title: "作者不存在" };
  return pageMetadata({
    title: `${member.displayName}的文章`,
    description:
      member.bio ?? `${member.displayName}在署名 Byline 发表和翻译的 ${member.articleCount} 篇文章。`,
    path: `/member/${member.publicId}`,
    image: member.avatarUrl,
    type: "profile",
    feed: { path: `/member/${member.publicId}/feed`, title: `${member.displayName} · 署名 Byline` },
  });
}

/** The member page; with searchParams, the page ?before= asks for (the `older` route). */
export async function MemberView({
  publicId,
  searchParams,
}: {
  publicId: string;
  searchParams?: SearchParams;
}) {
  const member = await getMember(publicId);
  if (!member) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header
        className="flex flex-col gap-4 rounded bg-white p-6 sm:flex-row sm:items-center"
        data-testid="member-profile"
      >
        <PersonAvatar name={member.displayName} url={member.avatarUrl} size={80} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold">{member.displayName}</h1>
          {member.bio && <p className="mt-2 leading-7 text-ink-600">{member.bio}</p>}
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-ink-600">
            <span>
              <strong className="text-ink-900" data-testid="member-article-count">
                {member.articleCount}
              </strong>{" "}
              篇文章
            </span>
            <span>加入于 {formatDate(member.joinedAt)}</span>
          </p>
        </div>
        <RssLink href={`/member/${member.publicId}/feed`} label="订阅作者" />
      </header>
      <section aria-labelledby="member-articles-title" className="rounded bg-white p-5">
        <h2
          id="member-articles-title"
          className="mb-4 border-l-4 border-brand-600 pl-3 text-lg font-semibold"
        >
          发表与翻译的文章
        </h2>
        <Suspense fallback={<ArticleListSkeleton />}>
          <KeysetArticles
            searchParams={searchParams}
            basePath={`/member/${member.publicId}`}
            load={(before) => listMemberArticles({ publicId: member.publicId }, before)}
            emptyText="这位作者还没有公开发表的文章。"
          />
        </Suspense>
      </section>
    </div>
  );
}
