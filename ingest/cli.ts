/**
 * `npm run ingest -- <source>|all [--from-file PATH]`: one ingest run per source, recorded like
 * any other, against DATABASE_URL or the embedded database.
 */
import { parseArgs } from "node:util";
import { getPool, closeDb } from "../lib/db";
import { isRealDate, parseDay } from "../lib/dates";
import { applyMigrations } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/session";
import { refreshAnalytics } from "../lib/precompute/refresh-analytics";
import { runSource } from "./run-source";
import { listSources } from "./sources/registry";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { "from-file": { type: "string" }, "as-of": { type: "string" } } });
const asOf = values["as-of"];
if (asOf !== undefined && !isRealDate(asOf)) {
  console.error("--as-of: expected a real date as YYYY-MM-DD");
  process.exit(2);
}
// `import FILE.csv` is the analyst CSV import: the csv-import source reading that file
const isImport = positionals[0] === "import";
const target = isImport ? "csv-import" : positionals[0];
const fromFile = isImport ? positionals[1] : values["from-file"];
if (isImport && !fromFile) {
  console.error("usage: npm run ingest -- import FILE.csv (columns: see ingest/sources/csv-import-columns.ts and the README)");
  process.exit(2);
}
const known = listSources().map((s) => s.slug);
if (!target || (target !== "all" && !known.includes(target))) {
  console.error(`usage: npm run ingest -- <source>|all [--from-file PATH] [--as-of YYYY-MM-DD]\n       npm run ingest -- import FILE.csv\nsources: ${known.join(", ")}`);
  process.exit(2);
}

await withDatabase(async (url) => {
  await applyMigrations(url, "prisma/migrations");
  // `all` runs every scheduled source; imports need a file
  const slugs = target === "all" ? listSources().filter((s) => s.schedule).map((s) => s.slug) : [target];
  try {
    for (const slug of slugs) {
      const r = await runSource(getPool(), slug, "cli", { fromFile, asOf: asOf ? parseDay(asOf) : undefined });
      console.log(`${slug}: run ${r.runId} ${r.status} — inserted ${r.counts.inserted}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}, rejected ${r.counts.rejected} (${r.durationMs} ms)${r.message ? ` — ${r.message}` : ""}`);
      if (r.status === "failed") process.exitCode = 1;
    }
    const refresh = await refreshAnalytics(getPool());
    console.log(`precomputed analytics: ${refresh.models} models, ${refresh.benchmarks} benchmarks refreshed (${Math.round(refresh.durationMs)} ms)`);
  } finally {
    await closeDb();
  }
});
