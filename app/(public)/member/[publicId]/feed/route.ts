import { renderRss } from "@/lib/feed/rss";
import { rssResponse } from "@/lib/feed/rss-response";
import { getMember } from "@/lib/services/public/get-member";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listFeedItems } from "@/lib/services/public/list-feed-items";
import { listStaticParams } from "@/lib/services/public/list-static-params";

export async function generateStaticParams() {
  return (await listStaticParams()).members.map((publicId) => ({ publicId }));
}

/** /member/<publicId>/feed: what one member wrote or translated, RSS 2.0 with full text. */
export async function GET(_req: Request, { params }: { params: Promise<{ publicId: string }> }) {
  const { publicId } = await params;
  const [member, items, { name: site }] = await Promise.all([
    getMember(publicId),
    listFeedItems({ memberPublicId: publicId }),
    getSiteSettings(),
  ]);
  if (!member)
    return new Response("没有这位作者", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return rssResponse(
    renderRss(
      {
        // the site's name from 站点设置
        title: `${member.displayName} · ${site}`,
        description: member.bio ?? `${member.displayName}在${site}发表的文章`,
        path: `/member/${member.publicId}`,
        feedPath: `/member/${member.publicId}/feed`,
      },
      items,
    ),
  );
}
