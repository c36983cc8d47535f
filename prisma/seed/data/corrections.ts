import type { SeedCorrection } from "./types";

/** Public correction-log entries on published demo articles (issue 16). Written for Byline. */
export const corrections: SeedCorrection[] = [
  {
    key: "k-1",
    article: "l-vpn-gateway-zero-day",
    kind: "UPDATE",
    note: "厂商已发布修复版本，文中「缓解措施」一节补充了升级前保留日志和内存镜像的步骤。",
    hoursAfter: 3,
  },
  {
    key: "k-2",
    article: "l-vpn-gateway-zero-day",
    kind: "CORRECTION",
    note: "此前版本将被植入后门的设备数量写作「数万台」，据原文应为「数千台」，已更正。",
    hoursAfter: 5,
  },
  {
    key: "k-3",
    article: "l-botnet-router-takedown",
    kind: "SOURCE_UPDATE",
    note: "原文补充了执法部门获得法院授权后才下发卸载指令的说明，译文已同步更新。",
    hoursAfter: 20,
  },
  {
    key: "k-4",
    article: "l-hospital-data-leak-fine",
    kind: "CORRECTION",
    note: "罚款金额的币种此前写错，已更正；涉及的患者人数不变。",
    hoursAfter: 8,
  },
];
