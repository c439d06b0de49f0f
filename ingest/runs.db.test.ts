import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../lib/testing/db";
import { ensureSource, failInterruptedRuns, sourceLockKey, startRun, storeSnapshot } from "./runs";

const { pool } = useTestDatabase();
const source = { slug: "test-runs", name: "Test source", kind: "prices" as const, run: async () => ({ status: "succeeded" as const, counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 } }) };

describe("ingest runs", () => {
  it("marks a run left 'running' by a killed process as failed, and leaves a live run alone", async () => {
    const sourceId = await ensureSource(pool(), source);
    const dead = await startRun(pool(), sourceId, "test");
    expect(await failInterruptedRuns(pool())).toBeGreaterThanOrEqual(1);
    const r = await pool().query<{ status: string; message: string }>(`SELECT status, message FROM ingest_runs WHERE id = $1`, [dead]);
    expect(r.rows[0]).toMatchObject({ status: "failed" });
    expect(r.rows[0]!.message).toMatch(/interrupted/);

    const live = await startRun(pool(), sourceId, "test");
    const holder = await pool().connect();
    try {
      await holder.query(`SELECT pg_advisory_lock($1)`, [sourceLockKey(source.slug)]);
      await failInterruptedRuns(pool());
      const still = await pool().query<{ status: string }>(`SELECT status FROM ingest_runs WHERE id = $1`, [live]);
      expect(still.rows[0]!.status).toBe("running");
    } finally {
      await holder.query(`SELECT pg_advisory_unlock($1)`, [sourceLockKey(source.slug)]);
      holder.release();
    }
  });

  it("stores identical bytes once and links them to every run that read them", async () => {
    const sourceId = await ensureSource(pool(), source);
    const a = await startRun(pool(), sourceId, "test");
    const b = await startRun(pool(), sourceId, "test");
    const bytes = Buffer.from(`payload ${Date.now()}`);
    const s1 = await storeSnapshot(pool(), sourceId, a, { bytes });
    const s2 = await storeSnapshot(pool(), sourceId, b, { bytes });
    expect(s2).toBe(s1);
    const links = await pool().query(`SELECT run_id FROM ingest_run_snapshots WHERE snapshot_id = $1 ORDER BY run_id`, [s1]);
    expect(links.rows.map((r) => r.run_id)).toEqual([a, b]);
  });
});
