import { describe, expect, it } from "vitest";
import { movementKey, type Movement, type MovementKey } from "../analytics/movements";
import { refreshAnalytics } from "../precompute/refresh-analytics";
import { useCuratedAnalytics } from "../testing/analytics";
import { useTestDatabase } from "../testing/db";
import { getMovements, isPrecomputeCurrent } from "./analytics";
import { computeMovements } from "./analytics-live";
import { decodeMovementCursor, encodeMovementCursor, getMovementsPage, type MovementsPageOptions } from "./movements";

const { pool } = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);

useCuratedAnalytics();

/** Every page of a window, following the cursors as an API client would (through their text form). */
async function allPages(window: { from: Date; to: Date }, o: Omit<MovementsPageOptions, "after">): Promise<{ items: Movement[]; pages: number }> {
  const items: Movement[] = [];
  let after: MovementKey | null = null;
  let pages = 0;
  for (;;) {
    const page = await getMovementsPage(window, { ...o, after });
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(o.limit);
    items.push(...page.items);
    if (!page.next) break;
    expect(page.items.length).toBe(o.limit);
    after = decodeMovementCursor(encodeMovementCursor(page.next));
    expect(after).toEqual(page.next);
  }
  return { items, pages };
}

const WINDOWS = [
  { from: d("2019-01-01"), to: d("2027-01-01") },
  { from: d("2024-04-01"), to: d("2024-07-01") },
  { from: d("2025-01-01"), to: d("2025-01-08") },
];
const KINDS = [undefined, ["price-change"], ["release", "new-leader"], ["threshold-crossing"]] as const;

describe("movements a page at a time", () => {
  it("pages concatenate to getMovements' list (each kind filter, both directions), with the window's counts", async () => {
    await refreshAnalytics(pool());
    expect(await isPrecomputeCurrent()).toBe(true);
    let multiPage = 0;
    for (const window of WINDOWS) {
      const full = await getMovements(window);
      for (const kinds of KINDS) {
        const wanted = full.all.filter((m) => !kinds || (kinds as readonly string[]).includes(m.kind));
        for (const descending of [false, true]) {
          const got = await allPages(window, { kinds, limit: 25, descending });
          expect(got.items, `${window.from.toISOString()} ${kinds} ${descending}`).toEqual(descending ? [...wanted].reverse() : wanted);
          if (got.pages > 1) multiPage++;
        }
      }
      const counts = (await getMovementsPage(window, { limit: 0 })).counts;
      expect(counts).toEqual({
        releases: full.releases.length, openReleases: full.releases.filter((r) => r.openWeights).length,
        priceChanges: full.priceChanges.length, priceCuts: full.priceChanges.filter((c) => (c.percentChange ?? 0) < 0).length,
        newLeaders: full.newLeaders.length, crossings: full.crossings.length,
      });
    }
    // the curated data is big enough that the cursors were exercised
    expect(multiPage).toBeGreaterThan(8);
    const everything = await getMovements(WINDOWS[0]!);
    expect(everything.crossings.length).toBeGreaterThan(0);
    expect(everything.priceChanges.filter((c) => (c.percentChange ?? 0) < 0).length).toBeGreaterThan(0);
  });

  it("page the ledger's answer the same way while a refresh is pending", async () => {
    await refreshAnalytics(pool());
    const window = WINDOWS[1]!;
    const stored = await allPages(window, { limit: 10, descending: true });
    const storedCounts = (await getMovementsPage(window, { limit: 0 })).counts;
    const model = (await pool().query<{ id: number }>(`SELECT id FROM models ORDER BY id LIMIT 1`)).rows[0]!.id;
    await pool().query(`INSERT INTO analytics_dirty (kind, id) VALUES ('model', $1) ON CONFLICT DO NOTHING`, [model]);
    try {
      expect(await isPrecomputeCurrent()).toBe(false);
      expect((await allPages(window, { limit: 10, descending: true })).items).toEqual(stored.items);
      expect((await getMovementsPage(window, { limit: 0 })).counts).toEqual(storedCounts);
      // both paths accept each other's cursors: the position is the same key
      const first = await getMovementsPage(window, { limit: 3 });
      await refreshAnalytics(pool());
      expect(await isPrecomputeCurrent()).toBe(true);
      const second = await getMovementsPage(window, { limit: 3, after: first.next });
      const live = await computeMovements(window);
      expect([...first.items, ...second.items]).toEqual(live.all.slice(0, 6));
    } finally {
      await pool().query(`DELETE FROM analytics_dirty WHERE kind = 'model' AND id = $1`, [model]);
    }
  });

  it("a cursor resumes after the exact item even when the same date holds many movements", async () => {
    await refreshAnalytics(pool());
    const window = WINDOWS[0]!;
    const full = (await getMovements(window)).all;
    // the busiest day of the data
    const byDay = new Map<number, number>();
    for (const m of full) byDay.set(m.date.getTime(), (byDay.get(m.date.getTime()) ?? 0) + 1);
    const [busiest, n] = [...byDay].sort((a, b) => b[1] - a[1])[0]!;
    expect(n).toBeGreaterThan(3);
    const i = full.findIndex((m) => m.date.getTime() === busiest) + 1;
    const page = await getMovementsPage(window, { limit: 2, after: movementKey(full[i]!) });
    expect(page.items).toEqual(full.slice(i + 1, i + 3));
  });
});

describe("the order of movements after a model is renamed", () => {
  it("follows the new slug once the refresh rewrites the model's events", async () => {
    await refreshAnalytics(pool());
    const window = WINDOWS[0]!;
    // the model with the most price changes moves from wherever it sorted to the end of its dates
    const top = (await pool().query<{ id: number; slug: string }>(
      `SELECT m.id, m.slug FROM analytics_events e JOIN models m ON m.id = e.model_id WHERE e.kind = 'price-change' GROUP BY m.id, m.slug ORDER BY count(*) DESC, m.id LIMIT 1`,
    )).rows[0]!;
    const renamed = `zz-${top.slug}`;
    await pool().query(`UPDATE models SET slug = $2 WHERE id = $1`, [top.id, renamed]);
    try {
      const live = (await allPages(window, { limit: 40 })).items;
      expect(live.some((m) => m.model === renamed)).toBe(true);
      await refreshAnalytics(pool());
      expect(await isPrecomputeCurrent()).toBe(true);
      expect((await allPages(window, { limit: 40 })).items).toEqual(live);
      expect((await allPages(window, { limit: 40 })).items).toEqual((await computeMovements(window)).all);
    } finally {
      await pool().query(`UPDATE models SET slug = $2 WHERE id = $1`, [top.id, top.slug]);
      await refreshAnalytics(pool());
    }
  });

  it("count cuts under another mix from each change", async () => {
    await refreshAnalytics(pool());
    const window = WINDOWS[0]!;
    for (const mix of [{ input: 1, output: 1 }, { input: 1, output: 10 }]) {
      const full = await computeMovements(window, { mix });
      const page = await getMovementsPage(window, { limit: 5, mix });
      expect(page.counts.priceCuts).toBe(full.priceChanges.filter((c) => c.after.blended < c.before.blended).length);
      expect(page.items).toEqual(full.all.slice(0, 5));
    }
  });
});

describe("movement cursors", () => {
  it("round-trip and refuse what this API did not return", () => {
    const key: MovementKey = [Date.UTC(2025, 0, 2), 1, "llama-3-1-8b", "together", "fp8", 0, 0];
    expect(decodeMovementCursor(encodeMovementCursor(key))).toEqual(key);
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const bad of ["", "abc", enc([1, 2, 3]), enc({}), enc([1, 9, "m", "", "", 0, 0]), enc(["x", 1, "m", "", "", 0, 0]), enc([1, 1, "m\u0000", "", "", 0, 0]), enc([1, 1, "m", "", "", null, 0]), enc([1e300, 1, "m", "", "", 0, 0]), enc([-8e15, 1, "m", "", "", 0, 0]), enc([Date.UTC(10000, 0, 1), 1, "m", "", "", 0, 0]), enc([1, 1, "x".repeat(300), "", "", 0, 0])]) {
      expect(decodeMovementCursor(bad), bad).toBeNull();
    }
  });
});
