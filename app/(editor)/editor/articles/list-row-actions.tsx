"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { ConfirmDelete, RowError, smallButton } from "@/components/ui/row-actions";
import type { ActionResult } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { ArticleRowActions } from "@/lib/services/articles/list/list-articles";
import { unpublishArticleAction } from "./actions";
import { archiveArticleAction, deleteArticleAction, restoreDeletedArticleAction } from "./list-actions";

type Props = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  version: number;
  actions: ArticleRowActions;
  inTrash: boolean;
};

const button = `${secondaryButton} ${smallButton}`;

/** 打开 · 查看 · 下线 · 归档 · 删除 (after a confirmation) · 恢复, each named for its row. */
export function ListRowActions({ id, publicId, title, status, version, actions, inTrash }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const name = title || "（无标题）";
  const run = (fn: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      setError("");
      const r = await fn();
      if (r.ok) setConfirming(false);
      else setError(r.error.message);
      router.refresh();
    });

  if (confirming) {
    return (
      <>
        <ConfirmDelete
          id={`delete-${id}`}
          question={
            status === "PUBLISHED" || status === "SCHEDULED"
              ? `删除《${name}》？它会先归档并立即从网站撤下，之后只有管理员能在回收站恢复。`
              : `删除《${name}》？删除后只有管理员能在回收站恢复。`
          }
          pending={pending}
          onConfirm={() => run(() => deleteArticleAction({ id, version }))}
          onCancel={() => setConfirming(false)}
        />
        <RowError message={error} />
      </>
    );
  }
  return (
    <>
      <div className="flex flex-wrap gap-1">
        {!inTrash && (
          <Link href={`/editor/articles/${id}`} className={button} aria-label={`打开《${name}》`}>
            打开
          </Link>
        )}
        {!inTrash && status === "PUBLISHED" && (
          <a href={`/posts/${publicId}`} className={button} aria-label={`在网站上查看《${name}》`}>
            查看
          </a>
        )}
        {actions.unpublish && (
          <button
            type="button"
            disabled={pending}
            className={button}
            aria-label={`下线《${name}》（改回草稿）`}
            onClick={() => run(() => unpublishArticleAction({ id, to: "DRAFT" }))}
          >
            下线
          </button>
        )}
        {actions.archive && (
          <button
            type="button"
            disabled={pending}
            className={button}
            aria-label={`归档《${name}》`}
            onClick={() => run(() => archiveArticleAction({ id, version }))}
          >
            归档
          </button>
        )}
        {actions.delete && (
          <button
            type="button"
            disabled={pending}
            className={button}
            aria-label={`删除《${name}》`}
            onClick={() => {
              setError("");
              setConfirming(true);
            }}
          >
            删除
          </button>
        )}
        {actions.restore && (
          <button
            type="button"
            disabled={pending}
            className={button}
            aria-label={`恢复《${name}》`}
            onClick={() => run(() => restoreDeletedArticleAction({ id }))}
          >
            恢复
          </button>
        )}
      </div>
      <RowError message={error} />
    </>
  );
}
