/**
 * The one list of sources. Each entry names its source and knows how to run one ingest of it;
 * `ingest/run-source.ts` wraps every run with its lock and its provenance record.
 */
import type pg from "pg";
import type { Logger } from "pino";
import type { RunOutcome } from "../runs";

export interface RunContext {
  pool: pg.Pool;
  sourceId: number;
  runId: number;
  log: Logger;
  /** read the payload from this file instead of the live URL */
  fromFile?: string;
  /** when the payload was observed (default: the fetch time, or a YYYY-MM-DD in the file name) */
  asOf?: Date;
  /** fetch these URLs instead of the configured ones (tests, one-off backfills) */
  urls?: string[];
}

export interface SourceDefinition {
  slug: string;
  name: string;
  kind: "curated" | "prices" | "catalog" | "benchmarks" | "news" | "import";
  /** live URL (or local folder for the curated dataset) */
  url?: string;
  /** cron expression; undefined = only on demand */
  schedule?: string;
  run(ctx: RunContext): Promise<RunOutcome>;
}

const registry = new Map<string, SourceDefinition>();

export function registerSource(def: SourceDefinition): void {
  registry.set(def.slug, def);
}

export function getSource(slug: string): SourceDefinition | undefined {
  return registry.get(slug);
}

export function listSources(): SourceDefinition[] {
  return [...registry.values()];
}
