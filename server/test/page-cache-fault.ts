// What the page cache's fault tests share: the article they read, GETs on connections of their
// own, and the renders the server logged (BYLINE_DEBUG_PAGE_RENDERS, server/page-cache-hook.mjs).
import fs from "node:fs";
import http from "node:http";
import type pg from "pg";
import type { FaultServer } from "@/lib/test/fault-server";
import { readAnswer, type Answer } from "./http-client";

export type Article = { id: string; publicId: string; authorId: string };

/** The latest published article of the fault database. */
export async function latestArticle(db: pg.Client): Promise<Article> {
  const { rows } = await db.query<Article>(
    `select id, "publicId", "authorId" from articles where status = 'PUBLISHED' order by "publishedAt" desc limit 1`,
  );
  return rows[0]!;
}

/** One GET on a connection of its own (with workers, the primary hands each new connection to the next). */
export function getFrom(
  srv: FaultServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(srv.base + path, { headers, agent: false }, (res) => void readAnswer(res).then(resolve, reject))
      .on("error", reject);
  });
}

/** Page renders Next.js stored since `from` (a byte offset into the server's log), for `path`. */
export const rendersSince = (srv: FaultServer, from: number, path: string) =>
  fs
    .readFileSync(srv.logFile)
    .subarray(from)
    .toString("utf8")
    .split("\n")
    .filter((l) => l === `page-cache-hook: stored ${path}`).length;
