/** Development aid: run one SQL query against DATABASE_URL or the embedded database and print the rows. */
import pg from "pg";
import { withDatabase } from "../lib/database/session";

const sql = process.argv[2];
if (!sql) {
  console.error('usage: node --import tsx scripts/sql.ts "SELECT …"');
  process.exit(2);
}
await withDatabase(async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(sql);
    console.table(r.rows);
  } finally {
    await client.end();
  }
});
