import type { Metadata } from "next";
import { can } from "@/lib/authz";
import { primaryButton } from "@/components/ui/button";
import { adminActor } from "../gate";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "导出与导入" };

/** 导出与导入 (admins): the whole site as one archive, and an archive loaded into an empty site (docs/transfer.md). */
export default async function TransferPage() {
  const actor = await adminActor("site.export");
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">导出与导入</h1>
      <section aria-labelledby="export-heading" className="space-y-2 rounded-md border border-slate-200 p-4">
        <h2 id="export-heading" className="font-semibold">
          导出站点
        </h2>
        <p className="text-sm text-ink-600">
          下载一个 zip
          归档：文章（含修订与翻译原文）、分类、标签、页面、导航与站点设置、图片文件、已通过的评论，
          以及用户资料（不含密码、两步验证密钥与恢复码）。归档可在另一台空站点上完整导入。
        </p>
        {/* a plain link: the browser streams the download, nothing is held in the page */}
        <a href="/api/admin/transfer/export" className={primaryButton} download data-testid="export-link">
          下载站点归档
        </a>
      </section>
      {can(actor, "site.import") && (
        <section
          aria-labelledby="import-heading"
          className="space-y-2 rounded-md border border-slate-200 p-4"
        >
          <h2 id="import-heading" className="font-semibold">
            导入站点
          </h2>
          <p className="text-sm text-ink-600">
            导入前会完整检查归档（文件名、大小、校验值、每一行数据），有任何问题都会拒绝并说明原因，站点数据不会改动。
            导入只用于空站点；已有内容时须选择「合并」并确认：已有的记录保持不变，只添加归档中缺少的记录。
            导入的账号没有密码，需通过「忘记密码」重设后才能登录；你自己的账号保持不变。
          </p>
          <ImportForm />
        </section>
      )}
    </div>
  );
}
