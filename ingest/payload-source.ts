/**
 * The pipeline every fetched source shares: fetch (conditional, with retries) → keep the raw
 * snapshot → parse (pure, the adapter's) → resolve → write in one transaction per payload → report.
 * A payload that cannot be parsed fails its part of the run with the reason; earlier data stays.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PoolClient } from "pg";
import { getEnv } from "../lib/env";
import { fetchPayload, FetchError, type FetchOptions } from "./fetch";
import type { ParseContext, ParseResult, Rejection } from "./records";
import { loadResolver } from "./resolve";
import { emptyCounts, addCounts, storeSnapshot, type RunOutcome } from "./runs";
import type { RunContext, SourceDefinition } from "./sources/registry";
import { resolveAhead, writeRecords, type RecordsContext } from "./write/records";

export interface PayloadSourceSpec {
  slug: string;
  name: string;
  kind: SourceDefinition["kind"];
  /** live URLs (overridable with SOURCES in the environment) */
  urls: () => string[];
  /** cron; undefined = on demand only (imports) */
  schedule?: string;
  parse: (raw: string, ctx: ParseContext) => ParseResult;
  /** the source's provider names → provider slugs */
  providers: Record<string, string> | ((name: string) => string | undefined);
  fetch?: FetchOptions;
  /** turns the fetched bytes into the text `parse` reads (default UTF-8); e.g. one member of a ZIP */
  decode?: (bytes: Buffer) => string;
  /** a second file that belongs to each payload (its URL from the payload's), read with it and snapshotted too */
  companion?: (url: string) => string;
  /** news sources: link items to the labs and models they mention */
  linkNews?: (text: string, labs: { slug: string; name: string }[], models: { slug: string; name: string; aliases: string[] }[]) => { labSlugs: string[]; modelSlugs: string[] };
}

async function newsLinker(pool: RunContext["pool"], link: NonNullable<PayloadSourceSpec["linkNews"]>): Promise<RecordsContext["linkNews"]> {
  const labs = (await pool.query<{ slug: string; name: string }>(`SELECT slug, name FROM labs`)).rows;
  const models = (await pool.query<{ slug: string; name: string; aliases: string[] }>(
    `SELECT m.slug, m.name, coalesce(array_agg(a.alias) FILTER (WHERE a.alias IS NOT NULL), '{}') AS aliases FROM models m LEFT JOIN model_aliases a ON a.model_id = m.id GROUP BY m.id`,
  )).rows;
  return (text) => link(text, labs, models);
}

const MAX_STORED_REJECTIONS = 1000;

function dateFromName(file: string): Date | undefined {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(path.basename(file));
  return m ? new Date(`${m[1]}T00:00:00Z`) : undefined;
}

interface Payload {
  bytes: Buffer;
  observedAt: Date;
  http: { etag: string | null; lastModified: string | null; httpStatus: number | null; contentType: string | null };
}

/** Reads a file: URL or fetches an http(s) one; null when the server says it has not changed. */
async function readPayload(ctx: RunContext, url: string, spec: PayloadSourceSpec, conditional: boolean): Promise<Payload | null> {
  if (url.startsWith("file:")) {
    const file = url.slice(5);
    return { bytes: await readFile(file), observedAt: ctx.asOf ?? dateFromName(file) ?? new Date(), http: { etag: null, lastModified: null, httpStatus: null, contentType: null } };
  }
  const prev = conditional
    ? (await ctx.pool.query<{ etag: string | null; last_modified: string | null }>(`SELECT etag, last_modified FROM fetch_validators WHERE source_id = $1 AND url = $2`, [ctx.sourceId, url])).rows[0]
    : undefined;
  const res = await fetchPayload(url, { ...spec.fetch, etag: prev?.etag, lastModified: prev?.last_modified });
  if (res.status === "not-modified") return null;
  return { bytes: res.bytes, observedAt: ctx.asOf ?? new Date(), http: { etag: res.etag, lastModified: res.lastModified, httpStatus: res.httpStatus, contentType: res.contentType } };
}

/** Stores the payload's bytes as a raw snapshot and remembers its validators for the next conditional GET. */
function keepSnapshot(db: Pick<PoolClient, "query">, ctx: RunContext, url: string, payload: Payload): Promise<number> {
  const { bytes, http } = payload;
  return storeSnapshot(db, ctx.sourceId, ctx.runId, {
    bytes, url, contentType: http.contentType, etag: http.etag, lastModified: http.lastModified, httpStatus: http.httpStatus, rememberValidators: !url.startsWith("file:"),
  });
}

export function definePayloadSource(spec: PayloadSourceSpec): SourceDefinition {
  const overrides = () => getEnv().SOURCES[spec.slug];
  return {
    slug: spec.slug,
    name: spec.name,
    kind: spec.kind,
    get url() {
      return (overrides()?.urls ?? spec.urls())[0];
    },
    get schedule() {
      return overrides()?.enabled === false ? undefined : overrides()?.schedule ?? spec.schedule;
    },
    async run(ctx: RunContext): Promise<RunOutcome> {
      const urls = ctx.fromFile ? [`file:${path.resolve(ctx.fromFile)}`] : ctx.urls ?? overrides()?.urls ?? spec.urls();
      // the alias table loads while the first payload downloads; awaited before anything is stored
      const resolverLoad = loadResolver(ctx.pool, spec.providers);
      resolverLoad.catch(() => {}); // a failure is raised where it is awaited, not as an unhandled rejection
      const linkNews = spec.linkNews ? await newsLinker(ctx.pool, spec.linkNews) : undefined;
      let counts = emptyCounts();
      const rejections: Rejection[] = [];
      const errors: { url: string; reason: string }[] = [];
      const notes: string[] = [];
      let considered = 0;
      let matched = 0;
      let notModified = 0;
      let unmatchedIds = 0;

      for (const url of urls) {
        const t0 = performance.now();
        const phase: Record<string, number> = {};
        const mark = (name: string, since: number) => (phase[name] = Math.round(performance.now() - since));
        let payload: Payload | null;
        let companion: string | undefined;
        try {
          payload = await readPayload(ctx, url, spec, true);
          if (payload === null) {
            notModified++;
            continue;
          }
          if (spec.companion) {
            const companionUrl = spec.companion(url);
            const c = (await readPayload(ctx, companionUrl, spec, false))!;
            await storeSnapshot(ctx.pool, ctx.sourceId, ctx.runId, { bytes: c.bytes, url: companionUrl, contentType: c.http.contentType, httpStatus: c.http.httpStatus });
            companion = c.bytes.toString("utf8");
          }
        } catch (err) {
          errors.push({ url, reason: err instanceof FetchError ? err.message : `could not read ${url}: ${(err as Error).message}` });
          continue;
        }
        const { bytes, observedAt, http } = payload;
        const resolver = await resolverLoad;
        mark("fetchMs", t0);
        const t1 = performance.now();

        // The raw snapshot is sent to Postgres first and stored there, on its own connection, while
        // this process parses and resolves (the query is on the wire before the synchronous parse
        // starts) and while the write transaction begins: the write awaits it before the first row
        // that names it, and always before COMMIT, so nothing commits without its raw snapshot. A
        // failure to store it fails the run, as before.
        const snapshotClient = await ctx.pool.connect();
        const snapshotStored = keepSnapshot(snapshotClient, ctx, url, payload).then(
          (id) => {
            snapshotClient.release();
            mark("snapshotMs", t1);
            return id;
          },
          (err: Error) => {
            snapshotClient.release(err); // as pool.query does: a client whose query failed is not reused
            throw err;
          },
        );
        snapshotStored.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
        const t2 = performance.now();
        let parsed: ParseResult | undefined;
        let parseError: Error | undefined;
        try {
          parsed = spec.parse(spec.decode ? spec.decode(bytes) : bytes.toString("utf8"), { observedAt, url, companion });
        } catch (err) {
          parseError = err as Error;
        }
        mark("parseMs", t2);
        if (parsed) {
          const t = performance.now();
          try {
            resolveAhead(parsed.records, { resolver, observedAt });
          } catch {
            // only a head start: the write resolves the same ids again and reports what fails
          }
          mark("resolveMs", t);
        }
        if (!parsed) {
          await snapshotStored;
          errors.push({ url, reason: parseError!.message });
          continue;
        }
        rejections.push(...parsed.rejections);
        const t3 = performance.now();

        const client = await ctx.pool.connect();
        try {
          await client.query("BEGIN");
          const w = await writeRecords(client, parsed.records, { sourceId: ctx.sourceId, runId: ctx.runId, snapshotId: snapshotStored, observedAt, resolver, linkNews });
          await snapshotStored;
          const pause = getEnv().INGEST_TEST_PAUSE_MS;
          if (pause) {
            ctx.log.warn({ pauseMs: pause }, "test pause before commit");
            await new Promise((r) => setTimeout(r, pause));
          }
          await client.query("COMMIT");
          mark("writeMs", t3);
          ctx.log.info({ url, records: parsed.records.length, ...phase }, "payload ingested");
          counts = addCounts(counts, w.counts);
          rejections.push(...w.rejections);
          considered += w.considered;
          matched += w.matched;
          unmatchedIds += w.unmatched.size;
          notes.push(...w.notes);
          if (w.duplicates) notes.push(`${w.duplicates} records skipped as duplicates (several ids for one model)`);
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          await snapshotStored; // a snapshot that could not be stored fails the run (this throws), not just this payload
          errors.push({ url, reason: `write failed and was rolled back: ${(err as Error).message}` });
        } finally {
          client.release();
        }
      }

      await resolverLoad; // loaded for nothing when every payload was unchanged, but a failure still fails the run
      counts.rejected = rejections.length;
      const matchRate = considered ? matched / considered : null;
      const failedAll = errors.length > 0 && errors.length + notModified >= urls.length && counts.inserted + counts.updated + counts.unchanged === 0;
      const status = failedAll ? "failed" : errors.length || rejections.length ? "partial" : "succeeded";
      const message = [
        errors.length ? `${errors.length} of ${urls.length} payloads failed: ${errors.map((e) => e.reason).join("; ")}` : null,
        notModified ? `${notModified} not modified since the last fetch` : null,
        matchRate !== null ? `match rate ${(matchRate * 100).toFixed(1)}% (${matched}/${considered}), ${unmatchedIds} ids on the review list` : null,
        ...new Set(notes),
      ].filter(Boolean).join("; ");
      return { status, counts, rejections: rejections.slice(0, MAX_STORED_REJECTIONS), errors, message, matchRate };
    },
  };
}
