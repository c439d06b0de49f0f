import type pg from "pg";
import type { Logger } from "pino";
import type { z } from "zod";

export interface JobContext {
  pool: pg.Pool;
  log: Logger;
}

/** A job: its queue name, the schema of its payload, and what it does. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** pg-boss queue options */
  queue: { policy: "standard" | "singleton" | "stately"; retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number };
  run(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}
