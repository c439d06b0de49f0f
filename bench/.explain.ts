import path from "node:path";
import { readFileSync } from "node:fs";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/database/embedded";
const db = await startEmbeddedPostgres({ dataDir: path.resolve("/tmp/fw-bench100/pg"), port: 54389, database: "bench" });
const c = new pg.Client({ connectionString: db.url });
await c.connect();
const sql = readFileSync(process.argv[2]!, "utf8");
for (const q of sql.split(";\n").filter((x) => x.trim())) {
  const r = await c.query(q);
  const rows = Array.isArray(r) ? r.at(-1)!.rows : r.rows;
  console.log(rows.map((x: Record<string, unknown>) => Object.values(x).join(" | ")).join("\n"));
}
await c.end();
await db.stop();
