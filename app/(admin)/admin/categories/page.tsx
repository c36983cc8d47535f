import type { Metadata } from "next";
import { listCategoriesForAdmin } from "@/lib/services/categories/list-categories-for-admin";
import { ActionForm } from "../action-form";
import { adminActor } from "../gate";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { TableShell } from "@/components/ui/table";
import { createCategoryAction } from "./actions";
import { CategoryFields } from "./category-fields";
import { CategoryRow } from "./category-row";

export const metadata: Metadata = { title: "分类管理" };

/** 分类管理 (admins): the categories of the public category bar, in bar order. */
export default async function CategoriesPage() {
  const actor = await adminActor("category.manage");
  const list = await listCategoriesForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">分类管理</h1>
      <section aria-labelledby="new-category" className={cardClass}>
        <h2 id="new-category" className="mb-3 font-semibold">
          新建分类
        </h2>
        <ActionForm
          action={createCategoryAction}
          submitLabel="新建分类"
          pendingLabel="创建中…"
          successMessage="分类已创建，已加到栏目末尾。"
          submitClass={primaryButton}
          testId="create-category"
          resetOnSuccess
        >
          <CategoryFields idPrefix="new" />
        </ActionForm>
      </section>
      {list.length ? (
        <TableShell
          caption="栏目顺序即网站分类栏的顺序；只有没有文章的分类可以删除。"
          columns={["名称", "说明", { key: "count", label: "文章数", className: "text-right" }, "操作"]}
        >
          {list.map((c, i) => (
            <CategoryRow key={c.id} c={c} isFirst={i === 0} isLast={i === list.length - 1} />
          ))}
        </TableShell>
      ) : (
        <p className={`${cardClass} text-center text-ink-600`}>还没有分类。用上面的表单新建第一个分类。</p>
      )}
    </div>
  );
}
