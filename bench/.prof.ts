import path from "node:path";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { getMovementsPage } from "../lib/queries/movements";
import { getFrontier, getPriceTrend } from "../lib/queries/analytics";
const db = await startEmbeddedPostgres({ dataDir: path.resolve("/tmp/fw-bench100/pg"), port: 54389, database: "bench" });
useDatabaseUrl(db.url);
import { applyMigrations } from "../lib/database/migrate";
const tm = performance.now();
await applyMigrations(db.url, "prisma/migrations");
console.log("migrations", (performance.now() - tm).toFixed(0), "ms");
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const w = { from: d("2025-06-01"), to: d("2025-07-01") };
async function t(name: string, fn: () => Promise<unknown>, n = 5) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await fn(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(name, xs.map((x) => x.toFixed(1)).join(" "));
}
const mode = process.argv[2] ?? "pages";
if (mode === "pages") {
  await t("first 200", () => getMovementsPage(w, { limit: 200 }));
  await t("newest 12", () => getMovementsPage(w, { limit: 12, descending: true }));
  await t("counts", () => getMovementsPage(w, { limit: 0 }));
  await t("pc desc 200", () => getMovementsPage(w, { limit: 200, kinds: ["price-change"], descending: true }));
} else if (mode === "frontier") {
  let k = 0;
  await t("frontier new dates", () => getFrontier("mmlu", new Date(Date.UTC(2024, 0, 1 + k++))), 4);
} else if (mode === "trend") {
  let k = 0;
  await t("trend new thresholds", () => getPriceTrend("mmlu", { score: 60 + k++ * 0.5 }, { from: d("2022-11-01"), to: d("2026-11-01") }), 4);
}
await closeDb();
await db.stop();
