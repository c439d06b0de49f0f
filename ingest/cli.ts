/**
 * `npm run ingest -- <source>|all [--from-file PATH]`: one ingest run per source, recorded like
 * any other, against DATABASE_URL or the embedded database.
 */
import { parseArgs } from "node:util";
import { getPool, closeDb } from "../lib/db";
import { applyMigrations } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/session";
import { runSource } from "./run-source";
import { listSources } from "./sources/registry";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { "from-file": { type: "string" }, "as-of": { type: "string" } } });
const asOf = values["as-of"];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error("--as-of: expected a date as YYYY-MM-DD");
  process.exit(2);
}
const target = positionals[0];
const known = listSources().map((s) => s.slug);
if (!target || (target !== "all" && !known.includes(target))) {
  console.error(`usage: npm run ingest -- <source>|all [--from-file PATH] [--as-of YYYY-MM-DD]\n       npm run ingest -- import FILE.csv\nsources: ${known.join(", ")}`);
  process.exit(2);
}

await withDatabase(async (url) => {
  await applyMigrations(url, "prisma/migrations");
  const slugs = target === "all" ? known : [target];
  try {
    for (const slug of slugs) {
      const r = await runSource(getPool(), slug, "cli", { fromFile: values["from-file"], asOf: asOf ? new Date(`${asOf}T00:00:00Z`) : undefined });
      console.log(`${slug}: run ${r.runId} ${r.status} — inserted ${r.counts.inserted}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}, rejected ${r.counts.rejected} (${r.durationMs} ms)${r.message ? ` — ${r.message}` : ""}`);
      if (r.status === "failed") process.exitCode = 1;
    }
  } finally {
    await closeDb();
  }
});
