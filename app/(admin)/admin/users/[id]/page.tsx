import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getUserDetail } from "@/lib/services/users/get-user-detail";
import { ROLE_LABELS, USER_STATUS_LABELS } from "@/lib/labels";
import { adminActor } from "../../gate";
import { secondaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { RoleForm, SignOutForm, StatusForm } from "./user-forms";
import { UserBanSection } from "../../comments/user-ban-section";

export const metadata: Metadata = { title: "用户详情" };

async function load(actor: Parameters<typeof getUserDetail>[0], id: string) {
  try {
    return await getUserDetail(actor, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** One user: facts, role (not one's own), suspend / reactivate with a reason, force sign-out. */
export default async function UserDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await adminActor("user.manage");
  const u = await load(actor, (await params).id);
  const facts: [string, string][] = [
    ["邮箱", u.email],
    ["角色", ROLE_LABELS[u.role]],
    ["状态", USER_STATUS_LABELS[u.status]],
    ["状态原因", u.statusReason ?? "—"],
    ["两步验证", u.hasTotp ? "已启用" : "未启用"],
    ["注册时间", formatDateTime(u.createdAt)],
    ["最近登录", u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "—"],
    ["文章 / 评论", `${u.counts.articles} / ${u.counts.comments}`],
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/users" className="text-brand-700 hover:underline">
          ← 返回用户列表
        </Link>
      </p>
      <h1 className="text-xl font-bold">
        {u.displayName}
        {u.publicId && (
          <a
            href={`/member/${u.publicId}`}
            className="ml-3 text-sm font-normal text-brand-700 hover:underline"
          >
            公开主页
          </a>
        )}
      </h1>
      <section aria-labelledby="facts" className={cardClass}>
        <h2 id="facts" className="mb-2 font-semibold">
          账号信息
        </h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]" data-testid="user-facts">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-ink-600">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="role" className={cardClass}>
        <h2 id="role" className="mb-2 font-semibold">
          角色
        </h2>
        {u.isSelf ? (
          <p className="text-sm text-ink-600">不能修改自己的角色，请让另一位管理员操作。</p>
        ) : (
          <RoleForm userId={u.id} role={u.role} />
        )}
      </section>
      <section aria-labelledby="status" className={cardClass}>
        <h2 id="status" className="mb-2 font-semibold">
          账号状态
        </h2>
        {u.isSelf ? (
          <p className="text-sm text-ink-600">不能停用自己的账号。</p>
        ) : (
          <StatusForm key={u.status} userId={u.id} status={u.status} />
        )}
      </section>
      {!u.isSelf && <UserBanSection actor={actor} user={u} />}
      <section aria-labelledby="sessions" className={cardClass}>
        <h2 id="sessions" className="mb-2 font-semibold">
          登录会话
        </h2>
        <SignOutForm userId={u.id} />
      </section>
      <section aria-labelledby="data-export" className={cardClass}>
        <h2 id="data-export" className="mb-2 font-semibold">
          数据导出
        </h2>
        <p className="mb-3 text-sm text-ink-600">
          用于处理用户的个人信息查询请求：下载该用户的资料、账号信息、评论、收藏、投稿和通知（JSON，不含密码等凭据）。导出会记入审计日志。
        </p>
        <a
          href={`/api/admin/users/${encodeURIComponent(u.id)}/export`}
          download
          className={secondaryButton}
          data-testid="user-data-export"
        >
          导出此用户的数据
        </a>
      </section>
      <p className="text-sm">
        <Link
          href={`/admin/audit?target=${encodeURIComponent(u.id)}`}
          className="text-brand-700 hover:underline"
        >
          查看与此用户有关的审计记录
        </Link>
      </p>
    </div>
  );
}
