/** The one database client of the app: Prisma over node-postgres, plus the pool for raw SQL. */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { requireDatabaseUrl } from "./env";
import { PrismaClient } from "./generated/prisma/client";

// numeric → JS number for raw queries; money has 6 decimals at most, well within double precision
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
// a DATE is a calendar day: midnight UTC whatever the process's time zone (the default parser uses
// local midnight, which shifts every release date by the offset outside UTC)
const parseDateDefault = pg.types.getTypeParser(pg.types.builtins.DATE);
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : parseDateDefault(v)));

interface DbGlobals {
  pool?: pg.Pool;
  prisma?: PrismaClient;
}
// survive Next.js dev hot reloads without opening a new pool each time
const g = globalThis as typeof globalThis & { __frontierwatchDb?: DbGlobals };
const state: DbGlobals = (g.__frontierwatchDb ??= {});

export function getPool(): pg.Pool {
  if (!state.pool) {
    // analytics reads sort and window a hundred thousand rows at scale: 32 MB keeps that in memory
    // (the server default, 4 MB, spills it to disk)
    state.pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 10, connectionTimeoutMillis: 5000, options: "-c work_mem=32MB" });
    // an idle connection closed by the server (restart, shutdown) must not crash the process;
    // the pool replaces it on the next query
    state.pool.on("error", () => {});
  }
  return state.pool;
}

export function getPrisma(): PrismaClient {
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return state.prisma;
}

/** Work to finish before the pool closes (answers being stored, lib/precompute/result-cache.ts). */
const beforeClosing = new Set<() => Promise<void>>();
export function beforeCloseDb(finish: () => Promise<void>): void {
  beforeClosing.add(finish);
}

export async function closeDb(): Promise<void> {
  for (const finish of beforeClosing) await finish().catch(() => {});
  const { prisma, pool } = state;
  state.prisma = undefined;
  state.pool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}
