// `npm run site:export -- <file>` and `npm run site:import -- <file> [--merge]` (scripts/site-*.mjs run
// this under tsx). Operators with database access need no account: the audit row has no actor.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportArchive } from "./export-site";
import { importArchive } from "./import-site";

export async function runTransferCli(command: "export" | "import", args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error(`用法：npm run site:${command} -- <文件.zip>${command === "import" ? " [--merge]" : ""}`);
    return 2;
  }
  try {
    if (command === "export") {
      const { stream } = await exportArchive(null);
      await pipeline(stream, fs.createWriteStream(file));
      console.log(`已导出到 ${file}（${fs.statSync(file).size} 字节）`);
    } else {
      const summary = await importArchive(null, file, args.includes("--merge") ? "merge" : "empty");
      console.log(
        `导入完成（${summary.mode}）：`,
        JSON.stringify(summary.inserted),
        `媒体文件 ${summary.mediaFiles} 个`,
      );
      console.log("正在运行的服务器请重启，使页面缓存失效。");
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`导入被拒绝：${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await db.$disconnect();
  }
}
