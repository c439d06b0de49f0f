/** Registers every source adapter with the registry (imported once by ingest/run-source.ts). */
import path from "node:path";
import { getEnv } from "../../lib/env";
import { writeCuratedDataset } from "../write/curated";
import { emptyCounts, storeSnapshot } from "../runs";
import { formatRejection, parseCuratedDataset, readCuratedFiles } from "./curated";
import { registerSource } from "./registry";
import { definePayloadSource } from "../payload-source";
import { LITELLM_PROVIDERS, LITELLM_URL, parseLitellm } from "./litellm";
import { aiderCodeEditingSource, aiderPolyglotSource } from "./aider";
import { csvImportSource } from "./csv-import";
import { feedsSource } from "./feeds";
import { linkNewsToEntities } from "./feeds-entities";
import { GENAI_PRICES_PROVIDERS, genaiPricesSource } from "./genai-prices";
import { LLM_PRICES_PROVIDERS, llmPricesSource } from "./llm-prices";
import { EPOCH_ECI_ARCHIVE_MEMBER, epochBenchmarkRunsSource, epochEciSource, epochNotableModelsSource } from "./epoch";
import { isZip, readZipMember } from "./zip";
import { HUGGINGFACE_DEFAULT_ORGS, huggingFaceListUrl, huggingfaceSource } from "./huggingface";
import { lmarenaHistorySource, lmarenaSource } from "./lmarena";
import { livebenchSource, parseLivebench } from "./livebench";
import { sweBenchSource } from "./swe-bench";
import { OPENROUTER_MODELS_URL, OPENROUTER_PROVIDERS, openrouterEndpointsUrl, parseOpenrouterEndpoints, parseOpenrouterModels } from "./openrouter";

registerSource({
  slug: "curated",
  name: "FrontierWatch curated reference dataset",
  kind: "curated",
  schedule: getEnv().CURATED_SCHEDULE,
  async run({ pool, sourceId, runId, log, fromFile }) {
    const dir = path.resolve(fromFile ?? getEnv().CURATED_DIR);
    const files = await readCuratedFiles(dir);
    if (files.length === 0) throw new Error(`no curated files found in ${dir}`);

    // raw bytes first, in their own transaction: kept even when parsing rejects them
    const snapshotByFile = new Map<string, number>();
    for (const f of files) {
      snapshotByFile.set(f.path, await storeSnapshot(pool, sourceId, runId, { bytes: Buffer.from(f.text, "utf8"), url: `file:prisma/seed/${f.path}`, contentType: "application/yaml" }));
    }

    const ds = parseCuratedDataset(files);
    for (const r of ds.rejections) log.warn({ rejection: r }, formatRejection(r));
    if (ds.files.length === 0) {
      return { status: "failed", counts: { ...emptyCounts(), rejected: ds.rejections.length }, rejections: ds.rejections, message: "every curated file was rejected; nothing loaded" };
    }

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { counts, removed } = await writeCuratedDataset(client, ds, {
        sourceId, runId, snapshotByFile, asOf: new Date().toISOString().slice(0, 10), retract: ds.rejections.length === 0,
      });
      await client.query("COMMIT");
      const rejectedFiles = [...new Set(ds.rejections.map((r) => r.file))];
      return {
        status: ds.rejections.length ? "partial" : "succeeded",
        counts: { ...counts, rejected: ds.rejections.length },
        rejections: ds.rejections,
        matchRate: 1,
        message: `${ds.files.length} files loaded (${ds.models.length} models)` + (removed ? `, ${removed} retracted rows removed` : "") + (rejectedFiles.length ? `; rejected files (nothing loaded from them): ${rejectedFiles.join(", ")}` : ""),
      };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  },
});

registerSource(definePayloadSource({
  slug: "litellm",
  name: "LiteLLM model price map",
  kind: "prices",
  urls: () => [LITELLM_URL],
  schedule: "23 */6 * * *",
  parse: parseLitellm,
  providers: LITELLM_PROVIDERS,
}));

registerSource(definePayloadSource({
  slug: "openrouter",
  name: "OpenRouter models",
  kind: "catalog",
  urls: () => [OPENROUTER_MODELS_URL],
  schedule: "41 */4 * * *",
  parse: parseOpenrouterModels,
  providers: OPENROUTER_PROVIDERS,
}));

registerSource(definePayloadSource({
  slug: "openrouter-endpoints",
  name: "OpenRouter per-provider endpoints",
  kind: "prices",
  urls: () => getEnv().OPENROUTER_ENDPOINT_MODELS.map(openrouterEndpointsUrl),
  schedule: "47 */6 * * *",
  parse: parseOpenrouterEndpoints,
  providers: OPENROUTER_PROVIDERS,
}));

/** Benchmark and catalogue sources whose adapters describe themselves; their payload is one URL. */
for (const d of [lmarenaSource, lmarenaHistorySource, aiderPolyglotSource, aiderCodeEditingSource, sweBenchSource, epochBenchmarkRunsSource, epochNotableModelsSource]) {
  registerSource(definePayloadSource({ slug: d.slug, name: d.name, kind: d.kind, urls: () => [d.url], schedule: d.defaultSchedule, parse: d.parse, providers: {} }));
}

registerSource(definePayloadSource({
  slug: huggingfaceSource.slug,
  name: huggingfaceSource.name,
  kind: huggingfaceSource.kind,
  urls: () => HUGGINGFACE_DEFAULT_ORGS.map((org) => huggingFaceListUrl(org)),
  schedule: huggingfaceSource.defaultSchedule,
  parse: huggingfaceSource.parse,
  providers: {},
}));

/** `npm run ingest -- import FILE.csv`: the analyst's own data; a provider column names a provider or lab slug. */
registerSource(definePayloadSource({
  slug: csvImportSource.slug,
  name: csvImportSource.name,
  kind: csvImportSource.kind,
  urls: () => [],
  // the analyst's rows may add models we do not track yet, when they name a known lab and a release date
  parse: (raw, ctx) => {
    const r = csvImportSource.parse(raw, ctx);
    return { ...r, records: r.records.map((x) => (x.type === "model" ? { ...x, createIfMissing: true } : x)) };
  },
  providers: (name) => name.trim().toLowerCase().replace(/\s+/g, "-"),
}));

registerSource(definePayloadSource({
  slug: genaiPricesSource.slug, name: genaiPricesSource.name, kind: genaiPricesSource.kind,
  urls: () => [genaiPricesSource.url], schedule: genaiPricesSource.defaultSchedule, parse: genaiPricesSource.parse, providers: GENAI_PRICES_PROVIDERS,
}));

registerSource(definePayloadSource({
  slug: llmPricesSource.slug, name: llmPricesSource.name, kind: llmPricesSource.kind,
  urls: () => [...llmPricesSource.urls], schedule: llmPricesSource.defaultSchedule, parse: llmPricesSource.parse, providers: LLM_PRICES_PROVIDERS,
}));

registerSource(definePayloadSource({
  slug: feedsSource.slug, name: feedsSource.name, kind: feedsSource.kind,
  urls: () => [...feedsSource.urls], schedule: feedsSource.defaultSchedule, parse: feedsSource.parse, providers: {},
  linkNews: (text, labs, models) => linkNewsToEntities(text, labs, models),
}));

/** LiveBench: each release is a table and its categories file, read together. */
registerSource(definePayloadSource({
  slug: livebenchSource.slug, name: livebenchSource.name, kind: livebenchSource.kind,
  urls: () => [livebenchSource.url], schedule: livebenchSource.defaultSchedule, providers: {},
  companion: (url) => url.replace(/table_(\d{4}_\d{2}_\d{2})\.csv$/, "categories_$1.json"),
  parse: (raw, ctx) => parseLivebench(raw, ctx, { categories: ctx.companion }),
}));

/** Epoch publishes its capabilities index only inside benchmark_data.zip; a plain CSV (a local copy) is read as is. */
registerSource(definePayloadSource({
  slug: epochEciSource.slug, name: epochEciSource.name, kind: epochEciSource.kind,
  urls: () => [epochEciSource.url], schedule: epochEciSource.defaultSchedule, parse: epochEciSource.parse, providers: {},
  decode: (bytes) => (isZip(bytes) ? readZipMember(bytes, EPOCH_ECI_ARCHIVE_MEMBER) : bytes).toString("utf8"),
  fetch: { accept: "application/zip, text/csv;q=0.9, */*;q=0.5" },
}));
