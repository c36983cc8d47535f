import fs from "node:fs";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import { MEDIA_KEY, StorageFullError, type MediaStorage } from "./types";

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, R2…) for MEDIA_STORAGE=s3, so several app
 * instances share one media store. Files still arrive on local disk first (the staging folder),
 * then one PutObject sends the whole file: S3 makes an object visible only once it is complete, the
 * same promise the local driver's rename gives. Readers are served through the app's /media route
 * (same origin, so the CSP's img-src 'self' holds), streamed, never buffered.
 */
export type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** a folder inside the bucket, "" or ending in "/" */
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const envSchema = z.object({
  S3_BUCKET: z.string().min(3, "S3_BUCKET is required with MEDIA_STORAGE=s3").max(63),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).optional(),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._/-]*$/, "S3_PREFIX: letters, digits, . _ - / only")
    .max(200)
    .default(""),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

/**
 * The driver's settings from the environment. Without keys, the SDK's own chain applies (instance
 * roles, AWS_* variables). A custom endpoint (MinIO, s3rver) defaults to path-style addressing.
 */
export function s3ConfigFromEnv(env: Record<string, string | undefined>): S3Config {
  const e = envSchema.parse(env);
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together");
  const prefix = e.S3_PREFIX && !e.S3_PREFIX.endsWith("/") ? `${e.S3_PREFIX}/` : e.S3_PREFIX;
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE
      ? e.S3_FORCE_PATH_STYLE === "1" || e.S3_FORCE_PATH_STYLE === "true"
      : Boolean(e.S3_ENDPOINT),
    prefix: prefix.replace(/^\/+/, ""),
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

const status = (e: unknown) => (e instanceof S3ServiceException ? e.$metadata.httpStatusCode : undefined);
const isMissing = (e: unknown) =>
  status(e) === 404 || (e instanceof S3ServiceException && ["NoSuchKey", "NotFound"].includes(e.name));
// a full bucket quota (MinIO: XMinioStorageFull / 507) is a full disk to the upload path
const isFull = (e: unknown) =>
  status(e) === 507 ||
  (e instanceof S3ServiceException && ["XMinioStorageFull", "QuotaExceeded"].includes(e.name));

export function s3Storage(config: S3Config, client?: S3Client): MediaStorage {
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // checksums only where S3 requires them: the SDK's default sends bodies aws-chunked with a
      // trailing checksum, which several S3-compatible stores (s3rver, older MinIO, Ceph) keep as
      // part of the object. Content addresses already name each file's SHA-256.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // a stuck store must not hold an upload or a reader's request forever
      requestHandler: { requestTimeout: 30_000, connectionTimeout: 5_000 },
    });
  const objectKey = (key: string) => {
    if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key ${JSON.stringify(key)}`);
    return `${config.prefix}${key}`;
  };
  const head = async (key: string) => {
    if (!MEDIA_KEY.test(key)) return null;
    try {
      const r = await s3.send(new HeadObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
      return { size: r.ContentLength ?? 0 };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  };

  return {
    async put(key, source, mime) {
      const Key = objectKey(key);
      try {
        // content-addressed: an object already there holds these very bytes
        if (await head(key)) return { placed: false };
        const { size } = await fs.promises.stat(source.file);
        await s3.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key,
            Body: fs.createReadStream(source.file),
            ContentLength: size,
            ContentType: mime,
            CacheControl: "public, max-age=31536000, immutable",
          }),
        );
        return { placed: true };
      } catch (e) {
        throw isFull(e) ? new StorageFullError(e) : e;
      } finally {
        // consumed either way, like the local driver's rename (or its removal on failure)
        await fs.promises.rm(source.file, { force: true });
      }
    },
    async stream(key) {
      if (!MEDIA_KEY.test(key)) return null;
      try {
        const r = await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        return (r.Body as Readable | undefined) ?? null;
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    head,
    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
    url: (key) => `/media/${key}`,
  };
}
