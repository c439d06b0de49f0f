/** Outgoing mail: one nodemailer transport per SMTP_URL, and the From address. */
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env";

const transports = new Map<string, Transporter>();

export function getMailer(): { transport: Transporter; from: string } {
  const env = getEnv();
  let transport = transports.get(env.SMTP_URL);
  if (!transport) {
    transport = nodemailer.createTransport(env.SMTP_URL);
    transports.set(env.SMTP_URL, transport);
  }
  return { transport, from: env.MAIL_FROM };
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** e.g. "<digest-3-42@frontierwatch>"; the same id on a re-send lets receivers drop the copy */
  messageId?: string;
  /** inline images: referenced from the HTML as cid:<cid> */
  attachments?: { filename: string; content: Buffer; cid: string; contentType: string }[];
}

/** Sends one message; resolves with the server's message id. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const { transport, from } = getMailer();
  const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId });
  return info.messageId;
}

/**
 * A pool of SMTP connections for a batch (the digest): messages reuse open connections instead of
 * one connection each. Close it when the batch is done.
 */
export function openMailPool(maxConnections: number): { send(mail: OutgoingMail): Promise<string>; close(): void } {
  const { from } = getMailer();
  const url = getEnv().SMTP_URL;
  const transport = nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}pool=true&maxConnections=${maxConnections}&maxMessages=1000`);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId, attachments: mail.attachments });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
