/**
 * `npm run apikey -- create NAME [--tier standard|partner]`, `npm run apikey -- list`,
 * `npm run apikey -- revoke PREFIX`: API keys on DATABASE_URL (or the embedded database).
 * The secret is printed once, at creation; only its sha256 is stored (lib/api-keys.ts says why).
 */
import { API_KEY_TIERS, createApiKey, listApiKeys, revokeApiKey, type ApiKeyTier } from "../lib/api-keys";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/session";

const [command, ...rest] = process.argv.slice(2);
const usage = "usage: npm run apikey -- create NAME [--tier standard|partner] | list | revoke PREFIX";

function option(name: string): string | undefined {
  const i = rest.indexOf(name);
  if (i < 0) return undefined;
  const v = rest[i + 1];
  rest.splice(i, 2);
  return v;
}

if (!command || !["create", "list", "revoke"].includes(command)) {
  console.error(usage);
  process.exit(2);
}
const tier = option("--tier") ?? "standard";
if (!(API_KEY_TIERS as readonly string[]).includes(tier)) {
  console.error(`unknown tier "${tier}"; one of ${API_KEY_TIERS.join(", ")}`);
  process.exit(2);
}

let failed = false;
await withDatabase(async (url) => {
  await applyMigrations(url, "prisma/migrations");
  useDatabaseUrl(url);
  const pool = getPool();
  try {
    if (command === "create") {
      const name = rest.join(" ").trim();
      if (!name || name.length > 100) {
        console.error(`a name of 1 to 100 characters is required\n${usage}`);
        failed = true;
        return;
      }
      const k = await createApiKey(pool, name, tier as ApiKeyTier);
      console.log(`created key #${k.id} "${k.name}" (tier ${k.tier}, prefix ${k.prefix})`);
      console.log(`\n  ${k.key}\n\nThis is the only time the key is shown; we keep only its sha256.`);
    } else if (command === "list") {
      for (const k of await listApiKeys(pool)) {
        console.log(`${k.prefix}  #${k.id}  ${k.tier.padEnd(8)}  ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active"}  last used ${k.lastUsedAt?.toISOString() ?? "never"}  ${k.name}`);
      }
    } else {
      const prefix = rest[0] ?? "";
      if (await revokeApiKey(pool, prefix)) console.log(`revoked ${prefix}`);
      else {
        console.error(`no active key with prefix "${prefix}"`);
        failed = true;
      }
    }
  } finally {
    await closeDb();
  }
});
process.exit(failed ? 1 : 0);
