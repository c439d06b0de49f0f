import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { respond, serveFile, startFixtureServer, type FixtureServer } from "../lib/testing/fixture-server";
import { useTestDatabase } from "../lib/testing/db";
import { runSource } from "./run-source";
import { failInterruptedRuns } from "./runs";

const { pool, url: databaseUrl } = useTestDatabase();
const LITELLM_DIR = "../shared/data/litellm-prices";
const copies = readdirSync(LITELLM_DIR).filter((f) => f.endsWith(".json")).sort((a, b) => a.replace(/^\D+/, "").localeCompare(b.replace(/^\D+/, "")));

async function ledger(modelSlug: string, providerSlug: string, source = "litellm") {
  const r = await pool().query<{ valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
    `SELECT pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id
     JOIN providers p ON p.id = o.provider_id JOIN sources s ON s.id = pp.source_id
     WHERE m.slug = $1 AND p.slug = $2 AND s.slug = $3 AND pp.tier = 'standard' AND pp.superseded_at IS NULL ORDER BY pp.valid_from`,
    [modelSlug, providerSlug, source],
  );
  return r.rows.map((x) => ({ from: x.valid_from.toISOString().slice(0, 10), to: x.valid_to?.toISOString().slice(0, 10) ?? null, input: x.input_usd, output: x.output_usd }));
}

async function litellmRowCount() {
  return (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM price_points pp JOIN sources s ON s.id = pp.source_id WHERE s.slug = 'litellm'`)).rows[0]!.n;
}

beforeAll(async () => {
  await runSource(pool(), "curated", "test");
}, 120_000);

describe("LiteLLM's eight dated copies, ingested in date order", () => {
  beforeAll(async () => {
    for (const f of copies) {
      const r = await runSource(pool(), "litellm", "test", { fromFile: `${LITELLM_DIR}/${f}` });
      expect(r.status, `${f}: ${r.message}`).not.toBe("failed");
    }
  }, 300_000);

  it("uses every copy, each observed at the date in its name", () => {
    expect(copies).toHaveLength(8);
  });

  it("records o3's price cut ($10/$40 → $2/$8) between the May and September 2025 copies", async () => {
    const rows = await ledger("o3-2025-04-16", "openai");
    expect(rows.map((r) => [r.input, r.output])).toEqual([[10, 40], [2, 8]]);
    expect(rows[0]!.to).toBe("2025-09-30");
    expect(rows[1]).toMatchObject({ from: "2025-09-30", to: null });
  });

  it("records gpt-4o's cut from $5/$15 to $2.50/$10 between the October 2024 and February 2025 copies", async () => {
    // LiteLLM's "gpt-4o" names the model OpenAI's alias points to
    const slug = (await pool().query<{ slug: string }>(`SELECT m.slug FROM model_aliases a JOIN models m ON m.id = a.model_id WHERE a.alias = 'gpt-4o'`)).rows[0]!.slug;
    const rows = await ledger(slug, "openai");
    expect(rows.map((r) => `${r.input}/${r.output}`).slice(0, 2)).toEqual(["5/15", "2.5/10"]);
    expect(rows[1]!.from).toBe("2025-02-06");
  });

  it("writes nothing spurious: no row repeats the price of the row before it", async () => {
    const r = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd,
                lag(input_usd) OVER w AS pi, lag(output_usd) OVER w AS po, lag(cached_input_usd) OVER w AS pc, lag(cache_write_usd) OVER w AS pw,
                lag(reasoning_usd) OVER w AS pr, lag(per_request_usd) OVER w AS pq, lag(valid_to) OVER w AS pto, valid_from
         FROM price_points pp JOIN sources s ON s.id = pp.source_id WHERE s.slug = 'litellm' AND superseded_at IS NULL
         WINDOW w AS (PARTITION BY offering_id, tier ORDER BY valid_from)) x
       WHERE pi IS NOT NULL AND (input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd) IS NOT DISTINCT FROM (pi, po, pc, pw, pr, pq)`,
    );
    expect(r.rows[0]!.n).toBe(0);
  });

  it("writes zero rows when the latest copy is ingested again", async () => {
    const before = await litellmRowCount();
    const r = await runSource(pool(), "litellm", "test", { fromFile: `${LITELLM_DIR}/${copies[copies.length - 1]}` });
    expect(r.counts.inserted).toBe(0);
    expect(r.counts.updated).toBe(0);
    expect(await litellmRowCount()).toBe(before);
  });

  it("reports its match rate and keeps unmatched ids on the review list with counts", async () => {
    const run = await pool().query<{ match_rate: number; message: string }>(`SELECT match_rate, message FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE s.slug = 'litellm' ORDER BY r.id DESC LIMIT 1`);
    expect(run.rows[0]!.match_rate).toBeGreaterThan(0.5);
    expect(run.rows[0]!.message).toMatch(/match rate \d+\.\d%/);
    const review = await pool().query<{ n: number; total: number }>(`SELECT count(*)::int AS n, sum(occurrences)::int AS total FROM unmatched_aliases u JOIN sources s ON s.id = u.source_id WHERE s.slug = 'litellm'`);
    expect(review.rows[0]!.n).toBeGreaterThan(0);
    expect(review.rows[0]!.total).toBeGreaterThanOrEqual(review.rows[0]!.n);
  });
});

describe("faults in a fetched source", () => {
  let server: FixtureServer;
  const good = `${LITELLM_DIR}/model_prices_and_context_window.2025-02-06.json`;
  beforeAll(async () => {
    server = await startFixtureServer({
      "/good.json": serveFile(good),
      "/down.json": respond(500, "internal error"),
      "/page.json": respond(200, "<!DOCTYPE html><html><body>Sign in</body></html>", { "Content-Type": "text/html" }),
      "/truncated.json": respond(200, readFileSync(good, "utf8").slice(0, 5000), { "Content-Type": "application/json" }),
      "/drift.json": respond(200, JSON.stringify({ "gpt-4o": { provider_name: "openai", mode: "chat", input_cost_per_token: 2.5e-6, output_cost_per_token: 1e-5 } }), { "Content-Type": "application/json" }),
      "/bad-record.json": respond(200, JSON.stringify({
        "gpt-4o": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 2.5e-6, output_cost_per_token: 1e-5 },
        "o3": { litellm_provider: "openai", mode: "chat", input_cost_per_token: -2e-6, output_cost_per_token: 8e-6 },
        "gpt-4.1": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 5, output_cost_per_token: 8e-6 },
      }), { "Content-Type": "application/json" }),
      "/unstorable.json": respond(200, JSON.stringify({ "gpt-4o": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 3.1e-6, output_cost_per_token: 1.21e-5 } }), { "Content-Type": "application/json", ETag: '"unstorable"' }),
    });
  });
  afterAll(() => server.close());

  const snapshot = async () => (await pool().query<{ n: number; open: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE valid_to IS NULL)::int AS open FROM price_points`)).rows[0]!;

  for (const [path, expected] of [
    ["/down.json", /answered 500/],
    ["/page.json", /expected LiteLLM price map JSON but got HTML/],
    ["/truncated.json", /truncated JSON: the LiteLLM price map ends after/],
    ["/drift.json", /litellm_provider/],
  ] as const) {
    it(`records a failed run with its reason and keeps earlier data: ${path}`, async () => {
      const before = await snapshot();
      const r = await runSource(pool(), "litellm", "test", { urls: [server.url(path)] });
      expect(r.status, r.message).toBe(path === "/drift.json" ? "partial" : "failed");
      expect(JSON.stringify(r.errors) + JSON.stringify(r.rejections)).toMatch(expected);
      expect(await snapshot()).toEqual(before);
    }, 60_000);
  }

  it("keeps the raw bytes of a payload it could not parse, linked to the failed run", async () => {
    const r = await runSource(pool(), "litellm", "test", { urls: [server.url("/truncated.json")] });
    expect(r.status).toBe("failed");
    const kept = await pool().query<{ byte_size: number }>(
      `SELECT rs.byte_size FROM raw_snapshots rs JOIN ingest_run_snapshots l ON l.snapshot_id = rs.id WHERE l.run_id = $1`, [r.runId]);
    expect(kept.rows).toEqual([{ byte_size: 5000 }]);
  }, 60_000);

  it("fails the run and writes nothing when the raw snapshot cannot be stored", async () => {
    // the snapshot is stored while the payload is parsed and the write begins; the write must not commit without it
    await pool().query(`CREATE FUNCTION refuse_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no space left (test)'; END $$`);
    await pool().query(`CREATE TRIGGER refuse_snapshot BEFORE INSERT ON raw_snapshots FOR EACH ROW EXECUTE FUNCTION refuse_snapshot()`);
    try {
      const before = await snapshot();
      const r = await runSource(pool(), "litellm", "test", { urls: [server.url("/unstorable.json")], asOf: new Date("2031-01-01T00:00:00Z") });
      expect(r.status).toBe("failed");
      expect(r.message).toMatch(/no space left \(test\)/);
      expect(await snapshot()).toEqual(before);
      const remembered = await pool().query(`SELECT 1 FROM fetch_validators WHERE url = $1`, [server.url("/unstorable.json")]);
      expect(remembered.rowCount).toBe(0); // the next run fetches it in full, not a 304
    } finally {
      await pool().query(`DROP TRIGGER refuse_snapshot ON raw_snapshots; DROP FUNCTION refuse_snapshot()`);
    }
  }, 60_000);

  it("rejects a negative and an absurd price with their reasons and keeps the good record", async () => {
    const r = await runSource(pool(), "litellm", "test", { urls: [server.url("/bad-record.json")], asOf: new Date("2030-01-01T00:00:00Z") });
    expect(r.status).toBe("partial");
    expect(r.rejections).toEqual(expect.arrayContaining([
      expect.objectContaining({ record: "o3", reason: expect.stringMatching(/negative price/) }),
      expect.objectContaining({ record: "gpt-4.1", reason: expect.stringMatching(/absurd price/) }),
    ]));
    expect(r.counts.rejected).toBe(2);
  }, 60_000);

  it("recovers with the next good run", async () => {
    const r = await runSource(pool(), "litellm", "test", { urls: [server.url("/good.json")], asOf: new Date("2030-02-01T00:00:00Z") });
    expect(r.status).not.toBe("failed");
    expect(r.counts.inserted + r.counts.updated + r.counts.unchanged).toBeGreaterThan(100);
    // every row it wrote names its source, its run and the raw snapshot of exactly the bytes served
    const rows = await pool().query<{ n: number; source: string; sha: string; linked: boolean }>(
      `SELECT count(*)::int AS n, min(s.slug) AS source, min(rs.sha256) AS sha, bool_and(l.run_id IS NOT NULL) AS linked
       FROM price_points pp JOIN sources s ON s.id = pp.source_id JOIN raw_snapshots rs ON rs.id = pp.snapshot_id
       LEFT JOIN ingest_run_snapshots l ON l.snapshot_id = rs.id AND l.run_id = pp.run_id
       WHERE pp.run_id = $1`, [r.runId]);
    expect(rows.rows[0]).toEqual({ n: r.counts.inserted, source: "litellm", sha: createHash("sha256").update(readFileSync(good)).digest("hex"), linked: true });
    expect(r.counts.inserted).toBeGreaterThan(0);
  }, 60_000);

  it("asks conditionally the second time and writes nothing on 304", async () => {
    const r = await runSource(pool(), "litellm", "test", { urls: [server.url("/good.json")] });
    expect(server.lastHeaders("/good.json")!["if-none-match"]).toBeTruthy();
    expect(r.message).toMatch(/not modified/);
    expect(r.counts).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
  }, 60_000);
});

describe("a worker killed with SIGKILL in the middle of a run", () => {
  it("loses nothing and duplicates nothing after restart", async () => {
    const file = `${LITELLM_DIR}/model_prices_and_context_window.2025-05-31.json`;
    const rowsBefore = await litellmRowCount();
    // a run that holds its write transaction open, killed while it does
    const child = spawn(process.execPath, ["--import", "tsx", "ingest/cli.ts", "litellm", "--from-file", file, "--as-of", "2031-01-01"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, INGEST_TEST_PAUSE_MS: "60000", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (c) => (log += c));
    child.stderr.on("data", (c) => (log += c));
    for (let i = 0; i < 300 && !log.includes("test pause before commit"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log).toContain("test pause before commit");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    expect(await litellmRowCount()).toBe(rowsBefore); // the open transaction died with the process
    // the restarted worker marks the run failed, then the same ingest runs again
    await new Promise((r) => setTimeout(r, 500));
    expect(await failInterruptedRuns(pool())).toBeGreaterThanOrEqual(1);
    const interrupted = await pool().query<{ status: string }>(`SELECT status FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE s.slug = 'litellm' ORDER BY r.id DESC LIMIT 1`);
    expect(interrupted.rows[0]!.status).toBe("failed");
    const again = await runSource(pool(), "litellm", "test", { fromFile: file, asOf: new Date("2031-01-01T00:00:00Z") });
    expect(again.status).not.toBe("failed");
    const after = await litellmRowCount();
    const twice = await runSource(pool(), "litellm", "test", { fromFile: file, asOf: new Date("2031-01-01T00:00:00Z") });
    expect(twice.counts.inserted).toBe(0);
    expect(await litellmRowCount()).toBe(after);
  }, 120_000);
});

describe("a source published inside a ZIP archive (Epoch's capabilities index)", () => {
  it("fetches the archive, keeps its raw bytes, and reads the member", async () => {
    const { zip } = await import("../lib/testing/zip");
    const archive = zip([{ name: "benchmark_data/epoch_capabilities_index.csv", data: readFileSync("../shared/data/epoch-ai/epoch_capabilities_index.2026-03-10.csv"), deflate: true }]);
    const server = await startFixtureServer({ "/benchmark_data.zip": respond(200, "", {}) });
    server.route("/benchmark_data.zip", (_req, res) => res.writeHead(200, { "Content-Type": "application/zip" }).end(archive));
    try {
      const r = await runSource(pool(), "epoch-eci", "test", { urls: [server.url("/benchmark_data.zip")], asOf: new Date("2026-03-10T00:00:00Z") });
      expect(r.status, r.message).toBe("succeeded");
      expect(r.counts.inserted).toBeGreaterThan(100);
      const snap = await pool().query<{ byte_size: number; content_type: string }>(
        `SELECT rs.byte_size, rs.content_type FROM raw_snapshots rs JOIN ingest_run_snapshots l ON l.snapshot_id = rs.id WHERE l.run_id = $1`, [r.runId]);
      expect(snap.rows[0]).toEqual({ byte_size: archive.length, content_type: "application/zip" });
      const gpt = await pool().query<{ score: number }>(
        `SELECT br.score FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id JOIN models m ON m.id = br.model_id WHERE b.slug = 'epoch-eci' AND m.slug LIKE 'gpt-5%' LIMIT 1`);
      expect(gpt.rows[0]!.score).toBeGreaterThan(100);
    } finally {
      await server.close();
    }
  }, 60_000);
});
