import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { mailAddress, mailHeaderValue, mailPlainText } from "@/lib/escape/mail";
import { logger } from "@/lib/logger";

export type Mail = { to: string; subject: string; text: string };

let smtp: nodemailer.Transporter | undefined;

/**
 * Sends through SMTP_URL; in demo and test mode (BYLINE_DEMO / BYLINE_TEST) the message is
 * written as a JSON file to MAIL_DIR instead (.data/mail, the e2e runner sets its own), where a
 * person running the demo, or a test, can read the link. Nothing is logged of the body: a reset
 * link is a credential.
 *
 * Every mail passes the e-mail escaping helpers here, whoever builds it: the subject is one line
 * (no header injection), the body plain text without control characters, and the recipient one
 * bare address passed as an object, so nodemailer never parses it as an address list.
 */
export async function sendMail(input: Mail): Promise<void> {
  const e = env();
  const from = e.MAIL_FROM;
  const mail = {
    to: { name: "", address: mailAddress(input.to) },
    subject: mailHeaderValue(input.subject),
    text: mailPlainText(input.text),
  };
  if (e.BYLINE_DEMO || e.BYLINE_TEST || !e.SMTP_URL) {
    if (!e.BYLINE_DEMO && !e.BYLINE_TEST)
      logger.warn("SMTP_URL is not set: mail written to MAIL_DIR instead of being sent");
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
  logger.info({ toDomain: mail.to.address.split("@")[1] }, "mail sent");
}
