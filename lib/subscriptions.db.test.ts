import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSource } from "../ingest/run-source";
import { useSmtpUrl } from "./env";
import { ApiError } from "./errors";
import { subscribeBody } from "./schemas/subscriptions";
import { confirmSubscription, linkFor, requestSubscription, resendAfterMs, subscriberForToken, unsubscribe, updatePreferences } from "./subscriptions";
import { startSmtpCapture, type SmtpCapture } from "./testing/smtp-capture";
import { uniqueTag, useTestDatabase } from "./testing/db";

const { pool } = useTestDatabase();
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  useSmtpUrl(smtp.url);
  await runSource(pool(), "curated", "test"); // labs to follow
}, 120_000);
afterAll(async () => smtp?.close());

const tokenIn = (text: string, path: string) => new URL(text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))![0]).searchParams.get("token")!;
const status = async (email: string) => (await pool().query<{ status: string; token_version: number }>(`SELECT status, token_version FROM subscribers WHERE email = $1`, [email])).rows[0];
async function rejects(p: Promise<unknown>, code: string): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  return err as ApiError;
}

describe("double opt-in", () => {
  it("sends one confirmation email with a signed link, and nothing else until it is followed", async () => {
    const email = `${uniqueTag("sub")}@example.org`;
    const before = smtp.messages.length;
    expect(await requestSubscription(pool(), subscribeBody.parse({ email: email.toUpperCase(), labs: ["openai", "deepseek"], topics: ["prices"] }))).toBe("confirmation-sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.envelopeTo).toEqual([email]);
    expect(mail!.parsed.subject).toMatch(/Confirm/);
    expect(mail!.parsed.text).toContain("/subscribe/confirm?token=");
    expect(mail!.parsed.html).toContain("/subscribe/confirm?token=");
    expect(await status(email)).toMatchObject({ status: "pending" });

    // asking again at once sends nothing more (the form cannot flood an inbox)
    expect(await requestSubscription(pool(), subscribeBody.parse({ email, labs: ["openai", "deepseek"], topics: ["prices"] }))).toBe("throttled");
    expect(smtp.messages.length).toBe(before + 1);

    const token = tokenIn(mail!.parsed.text!, "/subscribe/confirm");
    const confirmed = await confirmSubscription(pool(), token);
    expect(confirmed).toMatchObject({ alreadyConfirmed: false, subscriber: { email, status: "confirmed", preferences: { labs: ["deepseek", "openai"], topics: ["prices"] } } });
    // following the link again changes nothing and says so
    expect((await confirmSubscription(pool(), token)).alreadyConfirmed).toBe(true);
  });

  it("refuses forged, edited, expired and misused links, changing nothing", async () => {
    const email = `${uniqueTag("sub")}@example.org`;
    const before = smtp.messages.length;
    await requestSubscription(pool(), subscribeBody.parse({ email }));
    const token = tokenIn((await smtp.waitFor(before + 1))[before]!.parsed.text!, "/subscribe/confirm");
    const [body, sig] = token.split(".");
    const other = Buffer.from(JSON.stringify({ p: "confirm", s: 1, v: 1, e: 4_000_000_000 })).toString("base64url");
    await rejects(confirmSubscription(pool(), `${other}.${sig}`), "forbidden");
    await rejects(confirmSubscription(pool(), `${body}.${"A".repeat(43)}`), "forbidden");
    await rejects(confirmSubscription(pool(), "not-a-token"), "forbidden");
    await rejects(unsubscribe(pool(), token), "forbidden"); // a confirm link cannot unsubscribe
    const later = new Date(Date.now() + 73 * 3_600_000);
    const expired = await rejects(confirmSubscription(pool(), token, later), "invalid_request");
    expect(expired.message).toMatch(/expired/);
    expect(await status(email)).toMatchObject({ status: "pending" });
  });

  it("unsubscribes with one link, voids every earlier link, and lets the person subscribe again", async () => {
    const email = `${uniqueTag("sub")}@example.org`;
    let before = smtp.messages.length;
    await requestSubscription(pool(), subscribeBody.parse({ email }));
    const confirmToken = tokenIn((await smtp.waitFor(before + 1))[before]!.parsed.text!, "/subscribe/confirm");
    const { subscriber } = await confirmSubscription(pool(), confirmToken);
    const manage = new URL(await linkFor(pool(), subscriber, "manage")).searchParams.get("token")!;
    const unsub = new URL(await linkFor(pool(), subscriber, "unsubscribe")).searchParams.get("token")!;

    expect((await updatePreferences(pool(), manage, { labs: ["anthropic"], topics: ["releases", "benchmarks"] })).preferences).toEqual({ labs: ["anthropic"], topics: ["releases", "benchmarks"] });
    const unknownLab = await rejects(updatePreferences(pool(), manage, { labs: ["no-such-lab"], topics: ["prices"] }), "invalid_request");
    expect(unknownLab.details).toEqual([{ field: "labs", message: "unknown: no-such-lab" }]);

    expect(await unsubscribe(pool(), unsub)).toEqual({ alreadyUnsubscribed: false });
    expect(await status(email)).toMatchObject({ status: "unsubscribed", token_version: subscriber.tokenVersion + 1 });
    // every link sent before is void: replaying any of them is an error and changes nothing
    for (const t of [unsub, manage]) await rejects(unsubscribe(pool(), t), "forbidden");
    await rejects(confirmSubscription(pool(), confirmToken), "forbidden");
    await rejects(subscriberForToken(pool(), manage, "manage"), "forbidden");
    expect(await status(email)).toMatchObject({ status: "unsubscribed" });

    // subscribing again starts a new double opt-in (the throttle has passed)
    await pool().query(`UPDATE subscribers SET confirmation_sent_at = now() - interval '1 hour' WHERE email = $1`, [email]);
    before = smtp.messages.length;
    expect(await requestSubscription(pool(), subscribeBody.parse({ email }))).toBe("confirmation-sent");
    await smtp.waitFor(before + 1);
    expect(await status(email)).toMatchObject({ status: "pending", token_version: subscriber.tokenVersion + 1 });
  });

  it("tells a confirmed address how to manage its subscription instead of confirming again", async () => {
    const email = `${uniqueTag("sub")}@example.org`;
    let before = smtp.messages.length;
    await requestSubscription(pool(), subscribeBody.parse({ email }));
    await confirmSubscription(pool(), tokenIn((await smtp.waitFor(before + 1))[before]!.parsed.text!, "/subscribe/confirm"));
    before = smtp.messages.length;
    expect(await requestSubscription(pool(), subscribeBody.parse({ email }), new Date(Date.now() + resendAfterMs() + 1000))).toBe("reminder-sent");
    const mail = (await smtp.waitFor(before + 1))[before]!;
    expect(mail.parsed.text).toContain("/subscribe/manage?token=");
    expect(mail.parsed.text).not.toContain("/subscribe/confirm");
    expect(await status(email)).toMatchObject({ status: "confirmed" });
  });

  it("refuses labs that do not exist, naming the field, and stores nothing", async () => {
    const email = `${uniqueTag("sub")}@example.org`;
    const err = await rejects(requestSubscription(pool(), subscribeBody.parse({ email, labs: ["openai", "nope-lab"] })), "invalid_request");
    expect(err.details).toEqual([{ field: "labs", message: "unknown: nope-lab" }]);
    expect(await status(email)).toBeUndefined();
  });
});
