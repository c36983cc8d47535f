import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/status-badge";
import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleRow } from "@/lib/services/articles/list/list-articles";
import { ListRowActions } from "./list-row-actions";

const When = ({ d }: { d: Date | null }) =>
  d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : <span className="text-ink-600">—</span>;

/** The 全部文章 table: one row per article, its marks, people, times and the row's actions. */
export function ArticleListTable({
  items,
  caption,
  inTrash,
}: {
  items: ArticleRow[];
  caption: string;
  inTrash: boolean;
}) {
  const columns = [
    "标题",
    "状态",
    "分类",
    "作者",
    "译者",
    inTrash ? "删除" : "更新时间",
    "发布时间",
    { key: "actions", label: "操作", className: "w-48" },
  ];
  return (
    <TableShell caption={caption} columns={columns} testId="article-list-table">
      {items.map((a) => (
        <tr key={a.id} data-testid="article-row">
          <th scope="row" className={`${tdClass} max-w-[24rem] font-medium`}>
            {inTrash ? (
              <span className="text-ink-900">{a.title || "（无标题）"}</span>
            ) : (
              <Link
                href={`/editor/articles/${a.id}`}
                className="text-ink-900 hover:text-brand-700 hover:underline"
              >
                {a.title || "（无标题）"}
              </Link>
            )}
            {(a.isContribution || a.isTranslation) && (
              <span className="mt-1 flex flex-wrap gap-1">
                {a.isContribution && <Badge tone="waiting">投稿</Badge>}
                {a.isTranslation && <Badge tone="planned">译文</Badge>}
              </span>
            )}
          </th>
          <td className={tdClass}>
            <StatusBadge kind="article" status={a.status} />
            {a.status === "SCHEDULED" && a.scheduledAt && (
              <span className="mt-1 block text-xs text-ink-600">
                定于 <When d={a.scheduledAt} />
              </span>
            )}
          </td>
          <td className={tdClass}>{a.categoryName}</td>
          <td className={tdClass}>{a.authorName}</td>
          <td className={tdClass}>{a.translatorName ?? <span className="text-ink-600">—</span>}</td>
          <td className={`${tdClass} whitespace-nowrap`}>
            <When d={inTrash ? a.deletedAt : a.updatedAt} />
            {inTrash && a.deletedByName && (
              <span className="block text-xs text-ink-600">由 {a.deletedByName}</span>
            )}
          </td>
          <td className={`${tdClass} whitespace-nowrap`}>
            <When d={a.publishedAt} />
          </td>
          <td className={tdClass}>
            <ListRowActions
              id={a.id}
              publicId={a.publicId}
              title={a.title}
              status={a.status}
              version={a.version}
              actions={a.actions}
              inTrash={inTrash}
            />
          </td>
        </tr>
      ))}
    </TableShell>
  );
}
