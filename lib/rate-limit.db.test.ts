import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey, verifyApiKey } from "./api-keys";
import { hitRateLimit } from "./rate-limit";
import { uniqueTag, useTestDatabase } from "./testing/db";

const { url, pool } = useTestDatabase();
// a second pool stands for a second web instance
const other = new pg.Pool({ connectionString: url, max: 5 });
afterAll(() => other.end());

describe("rate limits in Postgres", () => {
  it("counts concurrent requests from two pools exactly once each, in one window", async () => {
    const bucket = uniqueTag("bucket");
    const hits = await Promise.all(Array.from({ length: 30 }, (_, i) => hitRateLimit(i % 2 ? other : pool(), bucket, 20, 3600)));
    const remaining = hits.map((h) => h.remaining).sort((a, b) => b - a);
    expect(remaining).toEqual([...Array.from({ length: 20 }, (_, i) => 19 - i), ...Array(10).fill(0)]);
    expect(hits.filter((h) => h.allowed)).toHaveLength(20);
    for (const h of hits) expect(h.reset).toBeGreaterThanOrEqual(1);
    const rows = await pool().query<{ count: number }>(`SELECT count FROM api_rate_limits WHERE bucket = $1`, [bucket]);
    expect(rows.rows).toEqual([{ count: 30 }]);
  });

  it("keeps buckets apart", async () => {
    const [a, b] = [uniqueTag("a"), uniqueTag("b")];
    await hitRateLimit(pool(), a, 2, 60);
    await hitRateLimit(pool(), a, 2, 60);
    expect((await hitRateLimit(other, b, 2, 60)).remaining).toBe(1);
  });
});

describe("API keys in Postgres", () => {
  it("stores only the hash, verifies the key, and refuses it once revoked", async () => {
    const made = await createApiKey(pool(), uniqueTag("key"), "partner");
    const row = await pool().query<{ key_hash: string; prefix: string }>(`SELECT key_hash, prefix FROM api_keys WHERE id = $1`, [made.id]);
    expect(row.rows[0]!.key_hash).not.toContain(made.key);
    expect(JSON.stringify(row.rows[0])).not.toContain(made.key.slice(12));
    expect(await verifyApiKey(other, made.key)).toEqual({ id: made.id, tier: "partner" });
    const forged = `${made.prefix}${"A".repeat(made.key.length - made.prefix.length)}`;
    await expect(verifyApiKey(pool(), forged)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await revokeApiKey(pool(), made.prefix)).toBe(true);
    await expect(verifyApiKey(other, made.key)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
