import { z } from "zod";

/**
 * The typed environment. In production it refuses weak or missing settings, so a
 * misconfigured deploy fails at boot instead of serving with a guessable secret.
 */
const boolish = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
    AUTH_SECRET: z.string().optional(),
    SITE_URL: z.url().default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Byline <no-reply@byline.local>"),
    /** set by `npm start` / `npm test`: mails go to .data/mail and demo logins may be printed */
    BYLINE_DEMO: boolish,
    /** test runs only: cheaper argon2 parameters */
    BYLINE_TEST: boolish,
    UPLOAD_DIR: z.string().default(".data/uploads"),
    MAIL_DIR: z.string().default(".data/mail"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    // 32 random bytes is 43 base64 characters; anything shorter is guessable or a placeholder.
    if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 43 || /^(changeme|secret|test)/i.test(env.AUTH_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET must be at least 32 random bytes (openssl rand -base64 32)",
      });
    }
    if (!env.BYLINE_DEMO && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "SMTP_URL is required in production (or BYLINE_DEMO=1 to write mail to disk)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

/** Lazily parsed so that `next build` can import modules without a database configured. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
