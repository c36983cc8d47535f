import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listUsers } from "@/lib/services/users/list-users";
import { ROLE_LABELS, STATUS_LABELS } from "@/lib/services/users/schemas";
import { adminActor, param, type SearchParams } from "../gate";
import { Pagination } from "../pagination";
import * as ui from "../ui";

export const metadata: Metadata = { title: "用户管理" };

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
        className={`${ui.card} grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end`}
      >
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">邮箱或昵称</span>
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={254}
            className={ui.input}
            placeholder="例如 li@example.com 或 李"
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">角色</span>
          <select name="role" defaultValue={filters.role ?? ""} className={ui.input}>
            <option value="">全部角色</option>
            {Object.entries(ROLE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">状态</span>
          <select name="status" defaultValue={filters.status ?? ""} className={ui.input}>
            <option value="">全部状态</option>
            {Object.entries(STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={ui.primary}>
          搜索
        </button>
      </form>
      {list.items.length ? (
        <>
          <div className="overflow-x-auto rounded-lg bg-white">
            <table className={ui.table}>
              <caption className="px-3 py-2 text-left text-sm text-ink-600">
                {filtered ? `符合条件的用户：${list.total} 人` : `全部用户：${list.total} 人`}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>
                    昵称
                  </th>
                  <th scope="col" className={ui.th}>
                    邮箱
                  </th>
                  <th scope="col" className={ui.th}>
                    角色
                  </th>
                  <th scope="col" className={ui.th}>
                    状态
                  </th>
                  <th scope="col" className={ui.th}>
                    注册时间
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((u) => (
                  <tr key={u.id} data-testid="user-row">
                    <th scope="row" className={`${ui.td} font-medium`}>
                      <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                        {u.displayName}
                      </Link>
                    </th>
                    <td className={`${ui.td} break-all`}>{u.email}</td>
                    <td className={ui.td}>{ROLE_LABELS[u.role]}</td>
                    <td className={ui.td}>
                      <span className={u.status === "ACTIVE" ? "text-green-700" : "font-medium text-red-700"}>
                        {STATUS_LABELS[u.status]}
                      </span>
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>{formatDateTime(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={href} />
        </>
      ) : (
        <div className={`${ui.card} text-center text-ink-600`}>
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
