import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../runs";
import { runSource } from "../run-source";
import { useTestDatabase } from "../../lib/testing/db";

const { pool } = useTestDatabase();

const TABLES = ["labs", "providers", "benchmarks", "models", "model_aliases", "offerings", "price_points", "benchmark_results"] as const;
async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return out;
}

/** A private copy of the curated dataset that a test may edit. */
function seedCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fw-seed-"));
  cpSync("prisma/seed", dir, { recursive: true });
  return dir;
}
function edit(dir: string, file: string, fn: (text: string) => string) {
  const p = path.join(dir, file);
  writeFileSync(p, fn(readFileSync(p, "utf8")));
}

describe("loading the curated dataset", () => {
  let first: Awaited<ReturnType<typeof runSource>>;
  beforeAll(async () => {
    first = await runSource(pool(), "curated", "test");
  });

  it("loads every file and records a succeeded run", () => {
    expect(first.status).toBe("succeeded");
    // another test file may have loaded it already: then every row is unchanged
    expect(first.counts.inserted + first.counts.unchanged).toBeGreaterThan(4000);
    expect(first.counts.updated).toBe(0);
    expect(first.counts.rejected).toBe(0);
  });

  it("writes nothing the second time and leaves identical row counts", async () => {
    const before = await rowCounts();
    const again = await runSource(pool(), "curated", "test");
    expect(again.status).toBe("succeeded");
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: first.counts.inserted + first.counts.unchanged, rejected: 0 });
    expect(await rowCounts()).toEqual(before);
  });

  it("traces every price, score and release to its source, run and raw bytes", async () => {
    for (const table of ["price_points", "benchmark_results", "models"]) {
      const r = await pool().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} x JOIN sources s ON s.id = x.source_id JOIN ingest_runs r ON r.id = x.run_id AND r.source_id = s.id
         JOIN raw_snapshots rs ON rs.id = x.snapshot_id JOIN ingest_run_snapshots l ON l.snapshot_id = rs.id AND l.run_id = r.id`,
      );
      const all = (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      expect(r.rows[0]!.n, table).toBe(all);
    }
    // the stored bytes are the file's bytes
    const snap = await pool().query<{ content: Buffer; sha256: string }>(
      `SELECT rs.content, rs.sha256 FROM models m JOIN raw_snapshots rs ON rs.id = m.snapshot_id WHERE m.slug = 'deepseek-v3'`,
    );
    const bytes = readFileSync("prisma/seed/models/deepseek.yaml");
    expect(snap.rows[0]!.sha256).toBe(sha256(bytes));
    expect(Buffer.compare(snap.rows[0]!.content, bytes)).toBe(0);
  });

  it("stores a dated price history as closed and open windows (o3: $10/$40 until 2025-06-10, then $2/$8)", async () => {
    const o3 = await pool().query<{ valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
      `SELECT pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id
       JOIN providers p ON p.id = o.provider_id JOIN sources s ON s.id = pp.source_id
       WHERE m.slug = 'o3-2025-04-16' AND p.slug = 'openai' AND s.slug = 'curated' AND pp.tier = 'standard' AND pp.superseded_at IS NULL ORDER BY pp.valid_from`,
    );
    expect(o3.rows.map((r) => [r.input_usd, r.output_usd])).toEqual([[10, 40], [2, 8]]);
    expect(o3.rows[0]!.valid_to?.toISOString().slice(0, 10)).toBe("2025-06-10");
  });

  it("rejects a malformed record with file, record and field, loads nothing from that file, and keeps earlier data", async () => {
    const dir = seedCopy();
    // in one file: a new model, a changed fact, and a broken record
    edit(dir, "models/mistral.yaml", (t) =>
      t.replace(/^models:\n/m, `models:\n  - slug: zz-new-model\n    name: ZZ\n    family: zz\n    released: 2026-01-01\n    openWeights: true\n    license: Apache-2.0\n    contextWindow: 1000\n    reasoning: false\n    source: https://example.com/zz\n    prices:\n      - { provider: together, from: 2026-01-01, input: -5, output: 1, source: 'https://example.com/p' }\n`),
    );
    const before = await rowCounts();
    const run = await runSource(pool(), "curated", "test", { fromFile: dir });
    expect(run.status).toBe("partial");
    expect(run.rejections).toEqual([{ file: "models/mistral.yaml", record: 'model "zz-new-model" (#1)', field: "prices[0].input", reason: "a price cannot be negative" }]);
    const r = await pool().query(`SELECT 1 FROM models WHERE slug = 'zz-new-model'`);
    expect(r.rowCount).toBe(0);
    expect(await rowCounts()).toEqual(before);
    const stored = await pool().query<{ status: string; rejected: number; rejections: unknown[] }>(`SELECT status, rejected, rejections FROM ingest_runs WHERE id = $1`, [run.runId]);
    expect(stored.rows[0]).toMatchObject({ status: "partial", rejected: 1 });
    expect(stored.rows[0]!.rejections).toHaveLength(1);
  });

  it("supersedes a corrected price instead of overwriting it", async () => {
    const dir = seedCopy();
    edit(dir, "models/openai.yaml", (t) => {
      const i = t.indexOf("slug: o3-2025-04-16");
      const j = t.indexOf("output: 40", i);
      return t.slice(0, j) + "output: 41" + t.slice(j + "output: 40".length);
    });
    const run = await runSource(pool(), "curated", "test", { fromFile: dir });
    expect(run.status).toBe("succeeded");
    expect(run.counts.inserted).toBe(1);
    const rows = await pool().query<{ output_usd: number; superseded: boolean }>(
      `SELECT pp.output_usd, pp.superseded_at IS NOT NULL AS superseded FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id
       JOIN sources s ON s.id = pp.source_id WHERE m.slug = 'o3-2025-04-16' AND s.slug = 'curated' AND pp.tier = 'standard' AND pp.valid_from = '2025-04-16' ORDER BY pp.id`,
    );
    expect(rows.rows).toEqual([{ output_usd: 40, superseded: true }, { output_usd: 41, superseded: false }]);
    // and back: the original again supersedes the correction
    const back = await runSource(pool(), "curated", "test");
    expect(back.counts.inserted).toBe(1);
  });

  it("refuses a second run of the same source while one is running", async () => {
    const runs = await Promise.allSettled([runSource(pool(), "curated", "test"), runSource(pool(), "curated", "test")]);
    const rejected = runs.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect(String(rejected[0]!.reason)).toMatch(/already being ingested/);
  });
});

describe("database constraints protect the data", () => {
  async function anyOffering() {
    return (await pool().query<{ id: number; source_id: number; run_id: number }>(`SELECT o.id, o.source_id, (SELECT max(id) FROM ingest_runs) AS run_id FROM offerings o LIMIT 1`)).rows[0]!;
  }
  it("refuses a negative price", async () => {
    const o = await anyOffering();
    await expect(pool().query(`INSERT INTO price_points (offering_id, tier, valid_from, input_usd, output_usd, source_id, run_id) VALUES ($1, 'batch', '2030-01-01', -1, 1, $2, $3)`, [o.id, o.source_id, o.run_id])).rejects.toThrow(/price_points_nonnegative_check/);
  });
  it("refuses a validity window that ends before it starts", async () => {
    const o = await anyOffering();
    await expect(pool().query(`INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, source_id, run_id) VALUES ($1, 'batch', '2030-01-02', '2030-01-01', 1, 1, $2, $3)`, [o.id, o.source_id, o.run_id])).rejects.toThrow(/price_points_validity_check/);
  });
  it("refuses a second open price for one offering, tier and source", async () => {
    const open = (await pool().query<{ offering_id: number; tier: string; source_id: number; run_id: number }>(`SELECT offering_id, tier, source_id, run_id FROM price_points WHERE valid_to IS NULL AND superseded_at IS NULL LIMIT 1`)).rows[0]!;
    await expect(pool().query(`INSERT INTO price_points (offering_id, tier, valid_from, input_usd, output_usd, source_id, run_id) VALUES ($1, $2, '2031-01-01', 1, 1, $3, $4)`, [open.offering_id, open.tier, open.source_id, open.run_id])).rejects.toThrow(/price_points_current_open_row_key/);
  });
  it("refuses a score outside its benchmark's range", async () => {
    const r = (await pool().query<{ model_id: number; benchmark_id: number; source_id: number; run_id: number }>(`SELECT model_id, benchmark_id, source_id, run_id FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id WHERE b.slug = 'mmlu' LIMIT 1`)).rows[0]!;
    await expect(pool().query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, source_id, run_id) VALUES ($1, $2, 140, '2030-01-01', 'test', $3, $4)`, [r.model_id, r.benchmark_id, r.source_id, r.run_id])).rejects.toThrow(/outside the range/);
  });
});
