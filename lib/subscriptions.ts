/**
 * Subscriptions to the weekly digest, double opt-in (issue 7): a request stores a pending
 * subscriber and emails a signed, expiring confirmation link; nothing else is ever sent to a pending
 * address. Manage and unsubscribe links are signed too; unsubscribing bumps the subscriber's token
 * version, which voids every link issued before. A bad or replayed link gets a clear error and
 * changes nothing. Every state change is one UPDATE guarded by the state it expects.
 */
import type pg from "pg";
import { confirmationEmail } from "../emails/confirm-subscription";
import { getEnv } from "./env";
import { ApiError } from "./errors";
import { moduleLogger } from "./logger";
import { sendMail } from "./mail";
import type { Preferences, SubscribeBody } from "./schemas/subscriptions";
import { getSigningSecret, signToken, verifyToken, type TokenPurpose } from "./signing";

/** a second confirmation email to one address waits this long (the form cannot flood an inbox) */
export const resendAfterMs = () => getEnv().CONFIRM_RESEND_MINUTES * 60_000;
/** manage and unsubscribe links (each digest carries fresh ones) */
export const MANAGE_LINK_TTL_DAYS = 180;

export interface Subscriber {
  id: number;
  email: string;
  status: "pending" | "confirmed" | "unsubscribed" | "bounced";
  preferences: Preferences;
  tokenVersion: number;
}

type Row = { id: number; email: string; status: Subscriber["status"]; preferences: Preferences; token_version: number; confirmation_sent_at: Date | null };
const toSubscriber = (r: Row): Subscriber => ({ id: r.id, email: r.email, status: r.status, preferences: r.preferences, tokenVersion: r.token_version });

export async function linkFor(pool: pg.Pool, s: Pick<Subscriber, "id" | "tokenVersion">, purpose: TokenPurpose, now: Date = new Date()): Promise<string> {
  const env = getEnv();
  const ttlMs = purpose === "confirm" ? env.CONFIRM_LINK_TTL_HOURS * 3_600_000 : MANAGE_LINK_TTL_DAYS * 86_400_000;
  const token = signToken(await getSigningSecret(pool), { purpose, subscriberId: s.id, version: s.tokenVersion, expiresAt: Math.floor((now.getTime() + ttlMs) / 1000) });
  const path = purpose === "confirm" ? "/subscribe/confirm" : purpose === "manage" ? "/subscribe/manage" : "/api/v1/subscriptions/unsubscribe";
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}${path}?token=${token}`;
}

async function checkLabs(pool: pg.Pool, labs: string[]): Promise<void> {
  if (!labs.length) return;
  const known = new Set((await pool.query<{ slug: string }>(`SELECT slug FROM labs WHERE slug = ANY($1::text[])`, [labs])).rows.map((r) => r.slug));
  const unknown = labs.filter((l) => !known.has(l));
  if (unknown.length) throw new ApiError("invalid_request", `Unknown lab${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, [{ field: "labs", message: `unknown: ${unknown.join(", ")}` }]);
}

export type SubscribeOutcome = "confirmation-sent" | "reminder-sent" | "throttled" | "not-sent";

/**
 * A subscription request. The answer to the requester is the same whatever the address's state (no
 * way to learn who subscribes); the outcome is for logs and tests.
 */
export async function requestSubscription(pool: pg.Pool, body: SubscribeBody, now: Date = new Date()): Promise<SubscribeOutcome> {
  await checkLabs(pool, body.labs);
  const prefs: Preferences = { labs: [...new Set(body.labs)].sort(), topics: [...new Set(body.topics)] };
  // new address: pending; unsubscribed: pending again (unsubscribing already voided its old links);
  // pending: new preferences; confirmed or bounced: unchanged
  const r = await pool.query<Row>(
    `INSERT INTO subscribers (email, preferences) VALUES ($1, $2::jsonb)
     ON CONFLICT (email) DO UPDATE SET
       preferences = CASE WHEN subscribers.status IN ('pending', 'unsubscribed') THEN EXCLUDED.preferences ELSE subscribers.preferences END,
       status = CASE WHEN subscribers.status = 'unsubscribed' THEN 'pending' ELSE subscribers.status END
     RETURNING id, email, status, preferences, token_version, confirmation_sent_at`,
    [body.email, JSON.stringify(prefs)],
  );
  const row = r.rows[0]!;
  if (row.status === "bounced") return "not-sent";
  if (row.confirmation_sent_at && now.getTime() - row.confirmation_sent_at.getTime() < resendAfterMs()) return "throttled";
  // claim the send (a concurrent request for the same address sends nothing)
  const claim = await pool.query(
    `UPDATE subscribers SET confirmation_sent_at = $2 WHERE id = $1 AND (confirmation_sent_at IS NULL OR confirmation_sent_at <= $3)`,
    [row.id, now, new Date(now.getTime() - resendAfterMs())],
  );
  if (!claim.rowCount) return "throttled";
  const s = toSubscriber(row);
  const mail =
    s.status === "confirmed"
      ? confirmationEmail({ confirmUrl: "", expiresHours: 0, alreadyConfirmed: { manageUrl: await linkFor(pool, s, "manage", now) } })
      : confirmationEmail({ confirmUrl: await linkFor(pool, s, "confirm", now), expiresHours: getEnv().CONFIRM_LINK_TTL_HOURS });
  try {
    await sendMail({ to: s.email, ...mail });
  } catch (err) {
    // let the requester try again at once rather than after the throttle
    await pool.query(`UPDATE subscribers SET confirmation_sent_at = NULL WHERE id = $1`, [s.id]);
    moduleLogger("subscriptions").error({ err: (err as Error).message }, "confirmation email not sent");
    throw new ApiError("unavailable", "The confirmation email could not be sent; try again later");
  }
  return s.status === "confirmed" ? "reminder-sent" : "confirmation-sent";
}

const REASONS: Record<string, string> = {
  malformed: "This link is not a FrontierWatch subscription link (it may have been cut when copied)",
  forged: "This link was not issued by FrontierWatch",
  expired: "This link has expired; subscribe again to get a new one",
  "wrong-purpose": "This link is for something else",
};

/** The subscriber a link names, if the link is genuine, current and for this purpose. */
export async function subscriberForToken(pool: pg.Pool, token: string, purpose: TokenPurpose | readonly TokenPurpose[], now: Date = new Date()): Promise<Subscriber> {
  const check = verifyToken(await getSigningSecret(pool), token, purpose, now);
  if (!check.ok) throw new ApiError(check.reason === "expired" ? "invalid_request" : "forbidden", REASONS[check.reason]!, [{ field: "token", message: check.reason }]);
  const r = await pool.query<Row>(`SELECT id, email, status, preferences, token_version, confirmation_sent_at FROM subscribers WHERE id = $1`, [check.claims.subscriberId]);
  const row = r.rows[0];
  if (!row || row.token_version !== check.claims.version) {
    throw new ApiError("forbidden", "This link is no longer valid (the subscription was cancelled or renewed since it was sent)", [{ field: "token", message: "superseded" }]);
  }
  return toSubscriber(row);
}

export async function confirmSubscription(pool: pg.Pool, token: string, now: Date = new Date()): Promise<{ subscriber: Subscriber; alreadyConfirmed: boolean }> {
  const s = await subscriberForToken(pool, token, "confirm", now);
  if (s.status === "confirmed") return { subscriber: s, alreadyConfirmed: true };
  if (s.status !== "pending") throw new ApiError("conflict", `This subscription is ${s.status}; subscribe again to get a new link`, [{ field: "token", message: s.status }]);
  const r = await pool.query(`UPDATE subscribers SET status = 'confirmed', confirmed_at = $2 WHERE id = $1 AND status = 'pending' AND token_version = $3`, [s.id, now, s.tokenVersion]);
  if (!r.rowCount) return confirmSubscription(pool, token, now); // changed under us: answer from the new state
  return { subscriber: { ...s, status: "confirmed" }, alreadyConfirmed: false };
}

/** Unsubscribe by an unsubscribe or manage link; voids every link issued before. Repeating it is harmless. */
export async function unsubscribe(pool: pg.Pool, token: string, now: Date = new Date()): Promise<{ alreadyUnsubscribed: boolean }> {
  const s = await subscriberForToken(pool, token, ["unsubscribe", "manage"], now);
  const r = await pool.query(
    `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = $2, token_version = token_version + 1 WHERE id = $1 AND token_version = $3 AND status IN ('pending', 'confirmed')`,
    [s.id, now, s.tokenVersion],
  );
  return { alreadyUnsubscribed: !r.rowCount };
}

export async function updatePreferences(pool: pg.Pool, token: string, prefs: Preferences, now: Date = new Date()): Promise<Subscriber> {
  const s = await subscriberForToken(pool, token, "manage", now);
  if (s.status !== "confirmed") throw new ApiError("conflict", `This subscription is ${s.status}`, [{ field: "token", message: s.status }]);
  await checkLabs(pool, prefs.labs);
  const clean: Preferences = { labs: [...new Set(prefs.labs)].sort(), topics: [...new Set(prefs.topics)] };
  await pool.query(`UPDATE subscribers SET preferences = $2::jsonb WHERE id = $1 AND token_version = $3`, [s.id, JSON.stringify(clean), s.tokenVersion]);
  return { ...s, preferences: clean };
}

/** For pages: the subscriber a link names, or why the link does not work, without acting on it. */
export async function readLink(pool: pg.Pool, token: string | string[] | undefined, purpose: TokenPurpose | readonly TokenPurpose[]): Promise<{ subscriber: Subscriber; token: string } | { problem: string }> {
  if (typeof token !== "string" || token === "") return { problem: "This page needs the link from your email (it carries a token)." };
  try {
    return { subscriber: await subscriberForToken(pool, token, purpose), token };
  } catch (err) {
    if (err instanceof ApiError) return { problem: err.message };
    throw err;
  }
}
