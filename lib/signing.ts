/**
 * Signed, expiring links for subscribers (confirm, manage, unsubscribe). A token is
 * base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part)); it names its purpose, the
 * subscriber, the subscriber's token version (bumped on unsubscribe, which voids every earlier link)
 * and an expiry. Verification is pure and constant-time; the version is checked against the database
 * by the caller.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type pg from "pg";
import { getEnv } from "./env";

export type TokenPurpose = "confirm" | "manage" | "unsubscribe";

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: number;
  version: number;
  /** seconds since the epoch */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: "malformed" | "forged" | "expired" | "wrong-purpose" };

const MAX_TOKEN_LENGTH = 512;
const b64 = (b: Buffer) => b.toString("base64url");
const mac = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest();

export function signToken(secret: string, claims: TokenClaims): string {
  const body = b64(Buffer.from(JSON.stringify({ p: claims.purpose, s: claims.subscriberId, v: claims.version, e: claims.expiresAt })));
  return `${body}.${b64(mac(secret, body))}`;
}

export function verifyToken(secret: string, token: string, purpose: TokenPurpose | readonly TokenPurpose[], now: Date = new Date()): TokenCheck {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: "malformed" };
  const [body, sig] = token.split(".") as [string, string];
  const given = Buffer.from(sig, "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let raw: { p?: unknown; s?: unknown; v?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const purposes = typeof purpose === "string" ? [purpose] : purpose;
  if (!["confirm", "manage", "unsubscribe"].includes(raw.p as string) || !Number.isSafeInteger(raw.s) || !Number.isSafeInteger(raw.v) || !Number.isSafeInteger(raw.e)) {
    return { ok: false, reason: "malformed" };
  }
  if (!purposes.includes(raw.p as TokenPurpose)) return { ok: false, reason: "wrong-purpose" };
  if ((raw.e as number) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims: { purpose: raw.p as TokenPurpose, subscriberId: raw.s as number, version: raw.v as number, expiresAt: raw.e as number } };
}

// per pool: a process may talk to more than one database (tests)
const cached = new WeakMap<pg.Pool, string>();

/** SIGNING_SECRET, or the one generated once and kept in app_secrets (the first writer wins). */
export async function getSigningSecret(pool: pg.Pool): Promise<string> {
  const fromEnv = getEnv().SIGNING_SECRET;
  if (fromEnv) return fromEnv;
  const known = cached.get(pool);
  if (known) return known;
  await pool.query(`INSERT INTO app_secrets (name, value) VALUES ('link-signing', $1) ON CONFLICT (name) DO NOTHING`, [b64(randomBytes(32))]);
  const r = await pool.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'link-signing'`);
  cached.set(pool, r.rows[0]!.value);
  return r.rows[0]!.value;
}
