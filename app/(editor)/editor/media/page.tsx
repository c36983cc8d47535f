import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Pagination } from "@/components/ui/pagination";
import { listMedia } from "@/lib/services/media/list-media";
import { requireStaff } from "../staff";
import { MediaCard } from "./media-card";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "媒体库" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * 媒体库: find an upload again (by file name or alt text), copy its address, set its default alt
 * text, upload new ones. Everyone sees their own uploads; editors may also see everyone's.
 */
export default async function MediaLibraryPage({ searchParams }: Props) {
  // (the workspace gate, article.create: the same roles as media.upload, which listMedia checks)
  const actor = await requireStaff("/editor/media");
  const sp = await searchParams;
  const q = first(sp.q).trim().slice(0, 100);
  const mineParam = first(sp.mine) === "0" ? "0" : "1";
  const list = await listMedia(actor, {
    q: q || undefined,
    mine: mineParam,
    page: Number(first(sp.page)) || 1,
  });
  const href = (page: number) => {
    const s = new URLSearchParams();
    if (q) s.set("q", q);
    if (!list.mine) s.set("mine", "0");
    if (page > 1) s.set("page", String(page));
    return s.size ? `/editor/media?${s}` : "/editor/media";
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold text-ink-900">媒体库</h1>
        <p className="mt-1 text-sm text-ink-600">
          上传过的图片都在这里：按文件名或替代文本查找，复制地址后在文章中重复使用。每张图片会自动生成
          480、960、1600 像素宽的 WebP 版本，读者按屏幕大小加载。
        </p>
      </div>
      <section aria-labelledby="media-upload" className={cardClass}>
        <h2 id="media-upload" className="mb-3 font-semibold text-ink-900">
          上传图片
        </h2>
        <UploadForm />
      </section>
      <form
        role="search"
        aria-label="搜索图片"
        className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end`}
      >
        <FormField
          size="sm"
          name="q"
          type="search"
          label="文件名或替代文本"
          defaultValue={q}
          maxLength={100}
          placeholder="例如 拓扑 或 screenshot.png"
        />
        {list.canSeeAll ? (
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="mine" value="0" defaultChecked={!list.mine} />
            显示所有人的上传
          </label>
        ) : (
          <span />
        )}
        <button type="submit" className={primaryButton}>
          搜索
        </button>
      </form>
      {list.items.length ? (
        <>
          <h2 className="text-sm text-ink-600">
            {q
              ? `符合“${q}”的图片：${list.total} 张`
              : `${list.mine ? "我上传的" : "全部"}图片：${list.total} 张`}
          </h2>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="图片列表">
            {list.items.map((m) => (
              // listed means editable: the rest see only their own uploads, editors may edit any
              <MediaCard key={m.id} m={m} canEdit />
            ))}
          </ul>
          {/* on white: the pager's grey 上一页/下一页 lack contrast on the workspace's grey background */}
          <div className="rounded-lg bg-white px-4 pb-3 pt-px shadow-sm">
            <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={href} />
          </div>
        </>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>{q ? "没有符合条件的图片。换个关键词再试。" : "还没有上传过图片。用上面的表单上传第一张。"}</p>
          {q && (
            <Link href="/editor/media" className="mt-2 inline-block text-brand-700 underline">
              清除搜索
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
