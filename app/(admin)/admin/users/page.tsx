import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listUsers } from "@/lib/services/users/list-users";
import { ROLE_LABELS, USER_STATUS_LABELS } from "@/lib/labels";
import { adminActor, param, type SearchParams } from "../gate";
import { Pagination } from "@/components/ui/pagination";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { Options } from "@/components/ui/options";
import { TableShell, tdClass } from "@/components/ui/table";

export const metadata: Metadata = { title: "用户管理" };

const FILTERS = [
  { name: "role", label: "角色", labels: ROLE_LABELS },
  { name: "status", label: "状态", labels: USER_STATUS_LABELS },
] as const;

/** 用户管理 (admins): search, filter by role and status, 25 a page. */
export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("user.manage");
  const q = await searchParams;
  const list = await listUsers(actor, {
    q: param(q.q),
    role: param(q.role) || undefined,
    status: param(q.status) || undefined,
    page: param(q.page) || 1,
  });
  const { filters } = list;
  const href = (page: number) => {
    const s = new URLSearchParams();
    if (filters.q) s.set("q", filters.q);
    if (filters.role) s.set("role", filters.role);
    if (filters.status) s.set("status", filters.status);
    if (page > 1) s.set("page", String(page));
    return s.size ? `/admin/users?${s}` : "/admin/users";
  };
  const filtered = Boolean(filters.q || filters.role || filters.status);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">用户管理</h1>
      <form
        role="search"
        aria-label="搜索用户"
        className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end`}
      >
        <FormField
          size="sm"
          name="q"
          type="search"
          label="邮箱或昵称"
          defaultValue={filters.q}
          maxLength={254}
          placeholder="例如 li@example.com 或 李"
        />
        {FILTERS.map(({ name, label, labels }) => (
          <Field key={name} id={`field-${name}`} label={label}>
            {(p) => (
              <select {...p} name={name} defaultValue={filters[name] ?? ""} className={staffInputClass}>
                <option value="">全部{label}</option>
                <Options items={Object.entries(labels)} />
              </select>
            )}
          </Field>
        ))}
        <button type="submit" className={primaryButton}>
          搜索
        </button>
      </form>
      {list.items.length ? (
        <>
          <TableShell
            caption={filtered ? `符合条件的用户：${list.total} 人` : `全部用户：${list.total} 人`}
            columns={["昵称", "邮箱", "角色", "状态", "注册时间"]}
          >
            {list.items.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <th scope="row" className={`${tdClass} font-medium`}>
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                    {u.displayName}
                  </Link>
                </th>
                <td className={`${tdClass} break-all`}>{u.email}</td>
                <td className={tdClass}>{ROLE_LABELS[u.role]}</td>
                <td className={tdClass}>
                  <span className={u.status === "ACTIVE" ? "text-green-700" : "font-medium text-red-700"}>
                    {USER_STATUS_LABELS[u.status]}
                  </span>
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(u.createdAt)}</td>
              </tr>
            ))}
          </TableShell>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={href} />
        </>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>{filtered ? "没有符合条件的用户。换个关键词或清除筛选再试。" : "还没有用户。"}</p>
          {filtered && (
            <Link href="/admin/users" className="mt-2 inline-block text-brand-700 underline">
              清除筛选
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
