import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runSource } from "../../ingest/run-source";
import { useSmtpUrl } from "../env";
import { refreshAnalytics } from "../precompute/refresh-analytics";
import { unsubscribe } from "../subscriptions";
import { uniqueTag, useTestDatabase } from "../testing/db";
import { startSmtpCapture, type SmtpCapture } from "../testing/smtp-capture";
import { enqueueDeliveries, lastCompleteWeek, prepareDigest, sendDeliveries, STALE_CLAIM_MS, weekStart } from "./send-digest";

const { pool } = useTestDatabase();
let smtp: SmtpCapture;
const WEEK = new Date("2025-06-09T00:00:00Z"); // o3's price cut (2025-06-10) is in it

beforeAll(async () => {
  smtp = await startSmtpCapture();
  useSmtpUrl(smtp.url);
  await runSource(pool(), "curated", "test");
  await refreshAnalytics(pool());
}, 120_000);
afterAll(async () => smtp?.close());

async function subscriber(status: string, prefs: object = { labs: [], topics: ["prices", "releases", "benchmarks", "open-vs-proprietary"] }): Promise<{ id: number; email: string }> {
  const email = `${uniqueTag("dg")}@example.org`;
  const r = await pool().query<{ id: number }>(`INSERT INTO subscribers (email, status, preferences) VALUES ($1, $2, $3::jsonb) RETURNING id`, [email, status, JSON.stringify(prefs)]);
  return { id: r.rows[0]!.id, email };
}
const received = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));

describe("weeks", () => {
  it("reports the last complete ISO week", () => {
    expect(weekStart(new Date("2026-11-28T22:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-23T00:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(lastCompleteWeek(new Date("2026-11-30T08:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("sending the weekly digest", () => {
  it("mails every confirmed subscriber once, personalised, with one-click unsubscribe headers; a re-run sends nothing", async () => {
    // other test files may have left subscribers: only this test's are looked at
    const all = await subscriber("confirmed");
    const metaOnly = await subscriber("confirmed", { labs: ["meta"], topics: ["prices"] });
    const pending = await subscriber("pending");
    const gone = await subscriber("unsubscribed");
    const digest = await prepareDigest(pool(), WEEK);
    expect((await prepareDigest(pool(), WEEK)).id).toBe(digest.id); // one digest per week
    await enqueueDeliveries(pool(), digest.id);
    await enqueueDeliveries(pool(), digest.id); // idempotent
    const first = await sendDeliveries(pool(), digest.id, digest.inputs, { concurrency: 4 });
    expect(first.sent).toBeGreaterThanOrEqual(2);

    expect(received(pending.email)).toHaveLength(0);
    expect(received(gone.email)).toHaveLength(0);
    const [mail] = received(all.email);
    expect(received(all.email)).toHaveLength(1);
    expect(mail!.parsed.subject).toMatch(/^FrontierWatch 2025-06-09 – 2025-06-15: /);
    expect(mail!.parsed.messageId).toBe(`<digest-${digest.id}-${all.id}@frontierwatch>`);
    expect(mail!.parsed.text).toContain("o3 on OpenAI API, 2025-06-10");
    expect(mail!.parsed.html).toContain("Biggest price cuts");
    const header = (name: string) => mail!.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, "");
    expect(header("list-unsubscribe")).toMatch(/^<https?:\/\/\S+\/api\/v1\/subscriptions\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // the header's link unsubscribes (RFC 8058 one-click is tested over HTTP in e2e/subscribe.spec.ts)
    const token = new URL(header("list-unsubscribe")!.slice(1, -1)).searchParams.get("token")!;
    await unsubscribe(pool(), token);
    expect((await pool().query<{ status: string }>(`SELECT status FROM subscribers WHERE id = $1`, [all.id])).rows[0]!.status).toBe("unsubscribed");
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    // one chart, rendered on the server to PNG, inlined by Content-ID, with alt text
    const image = mail!.parsed.attachments.find((a) => a.contentType === "image/png");
    expect(image?.cid).toBe("chart@frontierwatch");
    expect(image!.content.subarray(1, 4).toString()).toBe("PNG");
    expect(mail!.parsed.html).toMatch(/<img src="cid:chart@frontierwatch" alt="The cheapest GPT-4-level model, over three years \(MMLU ≥ 86\.4[^"]+cheaper than all before\./);
    expect(mail!.parsed.text).toContain("CHART: The cheapest GPT-4-level model");

    // personalised: only Meta's price changes, no releases section
    const meta = received(metaOnly.email)[0]!;
    expect(meta.parsed.text).not.toContain("o3 on OpenAI");
    expect(meta.parsed.text).not.toContain("NEW RELEASES");

    const again = await sendDeliveries(pool(), digest.id, digest.inputs);
    expect(again).toEqual({ sent: 0, bounced: 0, failed: 0 });
    expect(received(all.email)).toHaveLength(1);
  });

  it("marks a hard bounce and never mails the address again; retries a temporary failure later", async () => {
    const hard = await subscriber("confirmed");
    const soft = await subscriber("confirmed");
    smtp.rejectPermanently.add(hard.email);
    smtp.rejectTemporarily.add(soft.email);
    const digest = await prepareDigest(pool(), new Date("2025-06-16T00:00:00Z"));
    await enqueueDeliveries(pool(), digest.id);
    const t0 = new Date();
    await sendDeliveries(pool(), digest.id, digest.inputs, { now: () => t0 });
    const state = async (id: number) => (await pool().query<{ status: string; attempts: number; sub: string }>(
      `SELECT d.status, d.attempts, s.status AS sub FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.digest_id = $1 AND d.subscriber_id = $2`, [digest.id, id])).rows[0];
    expect(await state(hard.id)).toEqual({ status: "bounced", attempts: 1, sub: "bounced" });
    expect(await state(soft.id)).toMatchObject({ status: "failed", attempts: 1, sub: "confirmed" });

    // before the backoff has passed nothing is retried; after it, the message goes out once
    smtp.rejectTemporarily.delete(soft.email);
    expect((await sendDeliveries(pool(), digest.id, digest.inputs, { now: () => new Date(t0.getTime() + 1000) })).sent).toBe(0);
    expect((await sendDeliveries(pool(), digest.id, digest.inputs, { now: () => new Date(t0.getTime() + 31_000) })).sent).toBe(1);
    expect(await state(soft.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(received(soft.email)).toHaveLength(1);
    expect(received(hard.email)).toHaveLength(0);
    // a bounced address is not enqueued for later digests
    const next = await prepareDigest(pool(), new Date("2025-06-23T00:00:00Z"));
    await enqueueDeliveries(pool(), next.id);
    expect((await pool().query(`SELECT 1 FROM deliveries WHERE digest_id = $1 AND subscriber_id = $2`, [next.id, hard.id])).rowCount).toBe(0);
  });

  it("sends a delivery left claimed by a dead worker again, with the same Message-ID, and nothing else twice", async () => {
    const a = await subscriber("confirmed");
    const b = await subscriber("confirmed");
    const digest = await prepareDigest(pool(), new Date("2025-06-30T00:00:00Z"));
    await enqueueDeliveries(pool(), digest.id);
    // a worker claimed a's delivery and died before recording the outcome; b was sent before it died
    await pool().query(`UPDATE deliveries SET status = 'sending', attempts = 1, claimed_at = now() WHERE digest_id = $1 AND subscriber_id = $2`, [digest.id, a.id]);
    await pool().query(`UPDATE deliveries SET status = 'sent', attempts = 1, sent_at = now(), message_id = 'x' WHERE digest_id = $1 AND subscriber_id = $2`, [digest.id, b.id]);
    // a fresh claim is left alone (its worker may be alive); a stale one is taken over
    const sentNow = (await sendDeliveries(pool(), digest.id, digest.inputs)).sent;
    expect(received(a.email)).toHaveLength(0);
    expect(sentNow).toBeGreaterThanOrEqual(0);
    await sendDeliveries(pool(), digest.id, digest.inputs, { now: () => new Date(Date.now() + STALE_CLAIM_MS + 1000) });
    expect(received(a.email)).toHaveLength(1);
    expect(received(a.email)[0]!.parsed.messageId).toBe(`<digest-${digest.id}-${a.id}@frontierwatch>`);
    expect(received(b.email)).toHaveLength(0);
  });
});

describe("a sender killed with SIGKILL in the middle of a digest", () => {
  it("after a restart every subscriber has the digest, one Message-ID each, and only in-flight messages were repeated", async () => {
    const people = await Promise.all(Array.from({ length: 24 }, () => subscriber("confirmed")));
    const week = "2025-07-07";
    const digest = await prepareDigest(pool(), new Date(`${week}T00:00:00Z`));
    const before = smtp.messages.length;
    smtp.delayMs = 60; // a slow server: messages are in flight when the kill comes
    const child = spawn(process.execPath, ["--import", "tsx", "ingest/digest-cli.ts", "send", "--week", week, "--concurrency", "2"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), SMTP_URL: smtp.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stderr.on("data", (c) => (log += c));
    for (let i = 0; i < 600 && smtp.messages.length - before < 8; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    smtp.delayMs = 0;
    const atKill = smtp.messages.length - before;
    expect(atKill, log).toBeGreaterThanOrEqual(8);
    expect(atKill).toBeLessThan(people.length + 2); // killed mid-send, not after

    // the restarted sender: claims left by the dead one are stale after STALE_CLAIM_MS
    await sendDeliveries(pool(), digest.id, digest.inputs, { now: () => new Date(Date.now() + STALE_CLAIM_MS + 1000) });
    let repeated = 0;
    for (const p of people) {
      const got = received(p.email);
      expect(new Set(got.map((m) => m.parsed.messageId)), p.email).toEqual(new Set([`<digest-${digest.id}-${p.id}@frontierwatch>`]));
      repeated += got.length - 1;
    }
    expect(repeated).toBeLessThanOrEqual(2); // at most the messages in flight (concurrency 2)
    const states = await pool().query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM deliveries WHERE digest_id = $1 GROUP BY status`, [digest.id]);
    expect(states.rows.filter((r) => r.status !== "sent")).toEqual([]);
  }, 120_000);
});
