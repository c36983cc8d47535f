import { z } from "zod";
import { codePointLength, isSafeText } from "@/lib/validation";

/**
 * Field schemas for archive rows. Every value has its exact type: an object where a string or
 * number belongs (an operator object like {"$gt": ""}) fails its field, and every row schema is
 * strict, so an unknown field fails too.
 */

/** Text as the column holds it (not trimmed: the round trip must keep every byte). */
export const text = (max?: number) =>
  z
    .string()
    .refine(isSafeText, "含有无法识别的字符")
    .refine((s) => max === undefined || codePointLength(s) <= max, `超过 ${max} 个字符`);

export const optText = (max?: number) => text(max).nullable();

export const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const optDate = date.nullable();

export const int = z.number().int().min(-2_147_483_648).max(2_147_483_647);
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "编号格式不对");
export const bool = z.boolean();

/** A site-relative path or an http(s) URL: never javascript: or another scheme in an href/src. */
export const link = (max: number) =>
  text(max).refine((s) => /^\/(?!\/)/.test(s) || /^https?:\/\//i.test(s), "应为站内路径或 http(s) 地址");

/** Any JSON value (jsonb columns); depth is bounded before parsing (lib/transfer/read-rows.ts). */
export const json = z.json();
