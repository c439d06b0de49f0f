/** pg-boss on the app's Postgres: one constructor so the worker, the web app and tests agree. */
import { PgBoss } from "pg-boss";

export const QUEUE_SCHEMA = "pgboss";

export function createBoss(connectionString: string): PgBoss {
  return new PgBoss({ connectionString, schema: QUEUE_SCHEMA, max: 4 });
}
