/** 禁言时长: days, or null for good. Shared by the ban service and the forms (no server-only). */
export const BAN_PERIODS = { "1d": 1, "7d": 7, "30d": 30, forever: null } as const;
export type BanPeriod = keyof typeof BAN_PERIODS;
export const BAN_PERIOD_KEYS = Object.keys(BAN_PERIODS) as [BanPeriod, ...BanPeriod[]];

export const BAN_PERIOD_LABELS: Record<BanPeriod, string> = {
  "1d": "1 天",
  "7d": "7 天",
  "30d": "30 天",
  forever: "永久",
};
