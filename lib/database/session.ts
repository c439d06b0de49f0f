/**
 * Gives a process its database: DATABASE_URL when set (checked to answer), otherwise the embedded
 * PostgreSQL under FW_DATA_DIR, started here and stopped on exit.
 */
import path from "node:path";
import { dataDir, getEnv, useDatabaseUrl, type Env } from "../env";
import { checkDatabase } from "./connect";
import { startEmbeddedPostgres } from "./embedded";

export interface DatabaseSession {
  url: string;
  embedded: boolean;
  version: string;
  stop(): Promise<void>;
}

export async function openDatabase(env: Env = getEnv(), log: (m: string) => void = () => {}): Promise<DatabaseSession> {
  if (env.DATABASE_URL) {
    const { version } = await checkDatabase(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, version, stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(env), "pg"),
    port: env.EMBEDDED_PG_PORT,
    database: "frontierwatch",
    log,
  });
  const { version } = await checkDatabase(db.url);
  return { url: db.url, embedded: true, version, stop: () => db.stop() };
}

/** Runs `fn` with a database and always releases it; prints one line and exits 1 on failure. */
export async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  let session: DatabaseSession | undefined;
  try {
    session = await openDatabase(getEnv(), (m) => console.error(m));
    useDatabaseUrl(session.url);
    await fn(session.url);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await session?.stop();
  }
}
