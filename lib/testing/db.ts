/** For DB tests: point lib/db at the test database and give each test file what it needs. */
import { afterAll, inject } from "vitest";
import { closeDb, getPool } from "../db";
import { assertLocalDatabase } from "../database/guard";
import { useDatabaseUrl } from "../env";

export function useTestDatabase() {
  const url = inject("databaseUrl");
  assertLocalDatabase(url);
  useDatabaseUrl(url);
  afterAll(async () => {
    await closeDb();
  });
  return { url, pool: getPool };
}

/** A suffix that keeps rows made by one test apart from every other test's. */
export function uniqueTag(prefix = "t"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** How many rows a query returns, for the DB tests' checks. */
export async function countRows(sql: string, params: unknown[] = []): Promise<number> {
  return (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).rows[0]!.n;
}
