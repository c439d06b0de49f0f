/**
 * API keys. A key is `fw_` + 32 random bytes (base64url): 256 bits of entropy, shown once at
 * creation. We store its first 12 characters (the prefix, to find the row and to name the key in
 * lists) and the sha256 of the whole key. A fast hash is enough here: slow hashes (bcrypt, argon2)
 * protect guessable passwords, but nobody can enumerate 2^256 secrets, and the hash is computed
 * on every request. The stored and given hashes are compared with timingSafeEqual.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type pg from "pg";
import { ApiError } from "./errors";

export const API_KEY_TIERS = ["standard", "partner"] as const;
export type ApiKeyTier = (typeof API_KEY_TIERS)[number];

const KEY_PATTERN = /^fw_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `fw_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Constant-time equality of a given key's hash and a stored hash (both hex sha256). */
export function hashesEqual(givenHash: string, storedHash: string): boolean {
  const a = Buffer.from(givenHash, "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}

/** The key a request carries (Authorization: Bearer fw_… or X-API-Key: fw_…), or null. */
export function apiKeyOf(headers: Headers): string | null {
  const auth = headers.get("authorization");
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  return bearer ?? headers.get("x-api-key")?.trim() ?? null;
}

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  tier: ApiKeyTier;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function createApiKey(pool: pg.Pool, name: string, tier: ApiKeyTier = "standard"): Promise<ApiKeyRow & { key: string }> {
  for (let attempt = 0; ; attempt++) {
    const { key, prefix, hash } = generateApiKey();
    try {
      const r = await pool.query<{ id: number; created_at: Date }>(`INSERT INTO api_keys (name, prefix, key_hash, tier) VALUES ($1, $2, $3, $4) RETURNING id, created_at`, [name, prefix, hash, tier]);
      return { id: r.rows[0]!.id, name, prefix, tier, createdAt: r.rows[0]!.created_at, lastUsedAt: null, revokedAt: null, key };
    } catch (err) {
      // a prefix collision (54 random bits) is astronomically rare; draw again
      if ((err as { code?: string }).code === "23505" && attempt < 3) continue;
      throw err;
    }
  }
}

export async function listApiKeys(pool: pg.Pool): Promise<ApiKeyRow[]> {
  const r = await pool.query<{ id: number; name: string; prefix: string; tier: ApiKeyTier; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
    `SELECT id, name, prefix, tier, created_at, last_used_at, revoked_at FROM api_keys ORDER BY id`,
  );
  return r.rows.map((x) => ({ id: x.id, name: x.name, prefix: x.prefix, tier: x.tier, createdAt: x.created_at, lastUsedAt: x.last_used_at, revokedAt: x.revoked_at }));
}

export async function revokeApiKey(pool: pg.Pool, prefix: string): Promise<boolean> {
  const r = await pool.query(`UPDATE api_keys SET revoked_at = now() WHERE prefix = $1 AND revoked_at IS NULL`, [prefix]);
  return (r.rowCount ?? 0) > 0;
}

// a stored hash to compare against when the prefix is unknown, so both paths do the same work
const DECOY_HASH = hashApiKey("fw_decoy");
const lastUsedWritten = new Map<number, number>();

/** The key's id and tier; 401 when the key is malformed, unknown or revoked. */
export async function verifyApiKey(pool: pg.Pool, key: string, now: number = Date.now()): Promise<{ id: number; tier: ApiKeyTier }> {
  const reject = () => new ApiError("unauthorized", "The API key is not valid (unknown, revoked or malformed); send none to use the anonymous tier.");
  if (!KEY_PATTERN.test(key)) throw reject();
  const r = await pool.query<{ id: number; key_hash: string; tier: ApiKeyTier; revoked_at: Date | null }>(`SELECT id, key_hash, tier, revoked_at FROM api_keys WHERE prefix = $1`, [key.slice(0, PREFIX_LENGTH)]);
  const row = r.rows[0];
  const match = hashesEqual(hashApiKey(key), row?.key_hash ?? DECOY_HASH);
  if (!row || !match || row.revoked_at) throw reject();
  // last_used_at at most once a minute per key and process: not one more write per request
  if (now - (lastUsedWritten.get(row.id) ?? 0) > 60_000) {
    lastUsedWritten.set(row.id, now);
    pool.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => {});
  }
  return { id: row.id, tier: row.tier };
}
