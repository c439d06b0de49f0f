/**
 * `npm run digest -- send [--week YYYY-MM-DD]`: builds and sends the weekly digest now (the worker's
 * schedule does the same), against DATABASE_URL or the embedded database. Safe to run again or
 * alongside the worker: each subscriber gets each week's digest once.
 */
import { parseArgs } from "node:util";
import { enqueueDeliveries, lastCompleteWeek, prepareDigest, sendDeliveries, weekStart } from "../lib/digest/send-digest";
import { closeDb, getPool } from "../lib/db";
import { isRealDate } from "../lib/dates";
import { applyMigrations } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/session";
import { getEnv } from "../lib/env";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { week: { type: "string" }, concurrency: { type: "string" } } });
if (positionals[0] !== "send" || (values.week !== undefined && !isRealDate(values.week))) {
  console.error("usage: npm run digest -- send [--week YYYY-MM-DD] [--concurrency N]   (week: any day of the ISO week; default the last complete week)");
  process.exit(2);
}
const concurrency = values.concurrency ? Number(values.concurrency) : getEnv().DIGEST_CONCURRENCY;
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) {
  console.error("--concurrency: expected a whole number from 1 to 100");
  process.exit(2);
}

await withDatabase(async (url) => {
  await applyMigrations(url, "prisma/migrations");
  try {
    const week = values.week ? weekStart(new Date(`${values.week}T00:00:00Z`)) : lastCompleteWeek(new Date());
    const digest = await prepareDigest(getPool(), week);
    const added = await enqueueDeliveries(getPool(), digest.id);
    const s = await sendDeliveries(getPool(), digest.id, digest.inputs, { concurrency });
    console.log(`digest ${digest.id} (week of ${week.toISOString().slice(0, 10)}): ${added} deliveries added; sent ${s.sent}, bounced ${s.bounced}, failed ${s.failed}`);
  } finally {
    await closeDb();
  }
});
