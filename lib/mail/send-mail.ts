import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type Mail = { to: string; subject: string; text: string };

let smtp: nodemailer.Transporter | undefined;

/**
 * Sends through SMTP_URL; in demo and test mode (BYLINE_DEMO / BYLINE_TEST) the message is
 * written as a JSON file to MAIL_DIR instead (.data/mail, the e2e runner sets its own), where a
 * person running the demo, or a test, can read the link. Nothing is logged of the body: a reset
 * link is a credential.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  const from = e.MAIL_FROM;
  if (e.BYLINE_DEMO || e.BYLINE_TEST || !e.SMTP_URL) {
    if (!e.BYLINE_DEMO && !e.BYLINE_TEST) logger.warn("SMTP_URL is not set: mail written to MAIL_DIR instead of being sent");
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const info = await transport.sendMail({ from, ...mail });
    const dir = path.resolve(e.MAIL_DIR);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${Date.now()}-${randomBytes(4).toString("hex")}.json`);
    await writeFile(file, String(info.message), { mode: 0o600 });
    logger.info({ file: path.basename(file) }, "mail written to MAIL_DIR");
    return;
  }
  smtp ??= nodemailer.createTransport(e.SMTP_URL);
  await smtp.sendMail({ from, ...mail });
  logger.info({ toDomain: mail.to.split("@")[1] }, "mail sent");
}
