import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listPageRevisions } from "@/lib/services/pages/list-page-revisions";
import type { Actor } from "@/lib/authz";
import type { PageSlug } from "@/lib/services/pages/schemas";

/** 历史版本: every save and restore of the page, newest first, each with a link to view (and restore) it. */
export async function RevisionList({ actor, slug, page }: { actor: Actor; slug: PageSlug; page: number }) {
  const { items, total, pageCount } = await listPageRevisions(actor, slug, page);
  return (
    <section aria-labelledby="revisions" className="space-y-2">
      <h2 id="revisions" className="font-semibold">
        历史版本
      </h2>
      {items.length ? (
        <TableShell
          caption={`共 ${total} 个版本，最新的在前；打开一个版本可以查看并恢复它。`}
          columns={["保存时间", "编辑者", "标题", "操作"]}
          testId="revision-list"
        >
          {items.map((r) => (
            <tr key={r.id} data-testid="revision-row">
              <th scope="row" className={`${tdClass} font-normal tabular-nums`}>
                {formatDateTime(r.createdAt)}
              </th>
              <td className={tdClass}>{r.editorName ?? "初始内容"}</td>
              <td className={tdClass}>{r.title}</td>
              <td className={tdClass}>
                <Link
                  href={`/admin/pages/${slug}/revisions/${r.id}`}
                  className="text-brand-700 underline"
                  aria-label={`查看 ${formatDateTime(r.createdAt)} 的版本`}
                >
                  查看
                </Link>
              </td>
            </tr>
          ))}
        </TableShell>
      ) : (
        <p className="rounded-lg bg-white p-4 text-sm text-ink-600">
          还没有历史版本：第一次保存时，当前内容会先记为一个版本。
        </p>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(p) => `/admin/pages/${slug}?page=${p}`}
        label="历史版本分页"
      />
    </section>
  );
}
