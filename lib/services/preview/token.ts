import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * A preview link's secret: 32 random bytes, base64url (43 characters). Only its SHA-256 is
 * stored (PreviewLink.tokenHash), so a database dump or an audit row never holds a working link;
 * the full address is shown once, when the link is made.
 */
export const previewTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const newPreviewToken = () => randomBytes(32).toString("base64url");

export const hashPreviewToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Validity a link may be given, in hours: 48 unless chosen, from one hour to seven days. */
export const PREVIEW_HOURS = { default: 48, min: 1, max: 168 } as const;

export const previewPath = (token: string) => `/preview/${token}`;
