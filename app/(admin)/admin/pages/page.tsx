import type { Metadata } from "next";
import Link from "next/link";
import { secondaryButton } from "@/components/ui/button";
import { smallButton } from "@/components/ui/row-actions";
import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listPagesForAdmin } from "@/lib/services/pages/list-pages-for-admin";
import { adminActor } from "../gate";
import { CreatePageButton } from "./create-page-button";

export const metadata: Metadata = { title: "页面管理" };

/** 页面管理 (admins): the footer's pages, in footer order, at their fixed URLs /page/<slug>. */
export default async function PagesPage() {
  const actor = await adminActor("page.manage");
  const rows = await listPagesForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">页面管理</h1>
      <TableShell
        caption="网站页脚的页面，按页脚顺序排列；地址固定为 /page/标识。“我要投稿”的正文同时是投稿页的投稿须知。"
        columns={["页面", "最后编辑", "编辑者", "操作"]}
        testId="pages-table"
      >
        {rows.map(({ slug, label, page }) => (
          <tr key={slug} data-testid="page-row">
            <th scope="row" className={`${tdClass} font-medium`}>
              {page?.title ?? label}
              <span className="block text-xs font-normal text-ink-600">/page/{slug}</span>
            </th>
            <td className={`${tdClass} tabular-nums text-ink-600`}>
              {page ? formatDateTime(page.updatedAt) : "尚未创建"}
            </td>
            <td className={`${tdClass} text-ink-600`}>{page ? (page.editorName ?? "初始内容") : "—"}</td>
            <td className={tdClass}>
              {page ? (
                <div className="flex flex-wrap gap-1">
                  <Link
                    href={`/admin/pages/${slug}`}
                    className={`${secondaryButton} ${smallButton}`}
                    aria-label={`编辑「${page.title}」`}
                  >
                    编辑
                  </Link>
                  <a
                    href={`/page/${slug}`}
                    className={`${secondaryButton} ${smallButton}`}
                    aria-label={`查看「${page.title}」公开页面`}
                    target="_blank"
                  >
                    查看
                  </a>
                </div>
              ) : (
                <CreatePageButton slug={slug} label={label} />
              )}
            </td>
          </tr>
        ))}
      </TableShell>
    </div>
  );
}
