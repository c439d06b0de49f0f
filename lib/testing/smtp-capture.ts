/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives, parsed with a real
 * mail parser (mailparser), for tests of everything that sends mail. A recipient address can be
 * made to fail permanently (5xx) or temporarily (4xx).
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpCapture {
  url: string;
  port: number;
  messages: CapturedMail[];
  /** addresses answered 550 (hard bounce) / 451 (try again later) */
  rejectPermanently: Set<string>;
  rejectTemporarily: Set<string>;
  /** hold each message this long before answering 250 (a slow server, for crash tests) */
  delayMs: number;
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const rejectPermanently = new Set<string>();
  const rejectTemporarily = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (rejectPermanently.has(to)) return callback(Object.assign(new Error("550 5.1.1 no such user"), { responseCode: 550 }));
      if (rejectTemporarily.has(to)) return callback(Object.assign(new Error("451 4.3.0 try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw, { keepCidLinks: true }) });
        if (capture.delayMs) await new Promise((r) => setTimeout(r, capture.delayMs));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.server.address() as { port: number }).port;
  const capture: SmtpCapture = {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    messages,
    rejectPermanently,
    rejectTemporarily,
    delayMs: 0,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return capture;
}
