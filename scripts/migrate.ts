/** `npm run migrate`: apply migrations to DATABASE_URL (or the embedded database). */
import { withDatabase } from "../lib/database/session";
import { applyMigrations } from "../lib/database/migrate";

await withDatabase(async (url) => {
  const r = await applyMigrations(url, "prisma/migrations");
  console.log(`migrations: ${r.applied.length} applied (${r.applied.join(", ") || "none"}), ${r.alreadyApplied} already applied`);
});
