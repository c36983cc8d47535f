import { secureRoute } from "@/lib/security/route";
import { streamDownload } from "@/lib/http/stream-download";
import { exportUserData } from "@/lib/services/privacy/export-user-data";

/** 导出我的数据: the signed-in user's own data as one JSON file (rate limited and audited in the service). */
export const GET = secureRoute(
  { name: "account.exportData", auth: "user", permission: "account.exportOwn" },
  async (_input, { actor }) => {
    const data = await exportUserData(actor, actor.id, "own");
    return streamDownload(data.chunks, {
      filename: data.filename,
      contentType: "application/json; charset=utf-8",
    });
  },
);
