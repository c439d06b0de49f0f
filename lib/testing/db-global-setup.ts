/**
 * Vitest global setup of the `db` project: a real PostgreSQL for the DB tests. TEST_DATABASE_URL
 * (a local server) gets a fresh database created for this run and dropped after; otherwise an
 * embedded PostgreSQL 18 is started under .data/test-pg. Either way the migrations run first, and a
 * non-local server is refused.
 */
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { parseEnv } from "../env";
import { assertLocalDatabase } from "../database/guard";
import { applyMigrations } from "../database/migrate";
import { startEmbeddedPostgres } from "../database/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseLabel: string;
  }
}

export default async function setup(project: TestProject) {
  const env = parseEnv();
  let url: string;
  let label: string;
  let teardown: () => Promise<void>;
  if (env.TEST_DATABASE_URL) {
    assertLocalDatabase(env.TEST_DATABASE_URL);
    const name = `fw_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
    await admin.connect();
    const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    label = `PostgreSQL ${version} server (database ${name})`;
    teardown = async () => {
      const c = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const db = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), port: env.TEST_PG_PORT, database: "fw_test" });
    // start from an empty database every run
    const admin = new pg.Client({ connectionString: db.url.replace(/\/fw_test$/, "/postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS fw_test WITH (FORCE)`);
    await admin.query(`CREATE DATABASE fw_test`);
    const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    await admin.end();
    url = db.url;
    label = `embedded PostgreSQL ${version}`;
    teardown = () => db.stop();
  }
  await applyMigrations(url, path.resolve("prisma/migrations"));
  project.provide("databaseUrl", url);
  project.provide("databaseLabel", label);
  console.log(`[db tests] ${label}`);
  return teardown;
}
