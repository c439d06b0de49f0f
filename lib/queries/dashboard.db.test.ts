import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCuratedDataset, readCuratedFiles, type CuratedDataset } from "../../ingest/sources/curated";
import { runSource } from "../../ingest/run-source";
import { useTestDatabase } from "../testing/db";
import { getLab, getLabOrThrow, listLabs } from "./labs";
import { getModelDetail } from "./model-detail";
import { listNewsItems, listReleases } from "./news";
import { getProviderSpread, listProviders, listSpreadCandidates } from "./providers";

const { pool } = useTestDatabase();
let seed: CuratedDataset;

beforeAll(async () => {
  await runSource(pool(), "curated", "test");
  seed = parseCuratedDataset(await readCuratedFiles(path.resolve("prisma/seed")));
}, 120_000);

describe("dashboard reads over the curated dataset", () => {
  it("lists every lab with its model counts", async () => {
    const labs = await listLabs();
    expect(labs).toHaveLength(seed.labs.length);
    expect(labs.reduce((n, l) => n + l.models, 0)).toBe(seed.models.length);
    const deepseek = labs.find((l) => l.slug === "deepseek")!;
    expect(deepseek.openModels).toBe(seed.models.filter((m) => m.lab === "deepseek" && m.openWeights).length);
  });

  it("a lab's page: its models newest first, one best score per benchmark, prices cheapest first; null for an unknown lab", async () => {
    const lab = (await getLab("deepseek"))!;
    const models = seed.models.filter((m) => m.lab === "deepseek");
    expect(lab.models).toHaveLength(models.length);
    expect(lab.models.map((m) => m.releasedOn)).toEqual([...lab.models.map((m) => m.releasedOn)].sort().reverse());
    expect(lab.bestScores.map((s) => s.benchmark).sort()).toEqual([...new Set(models.flatMap((m) => m.scores.map((s) => s.benchmark)))].sort());
    const mmlu = lab.bestScores.find((s) => s.benchmark === "mmlu")!;
    expect(mmlu.score).toBe(Math.max(...models.flatMap((m) => m.scores.filter((s) => s.benchmark === "mmlu").map((s) => s.score))));
    expect(lab.prices.map((p) => p.blended)).toEqual([...lab.prices.map((p) => p.blended)].sort((a, b) => a - b));
    expect(await getLab("no-such-lab")).toBeNull();
    await expect(getLabOrThrow("no-such-lab")).rejects.toMatchObject({ code: "not_found" });
  });

  it("a model's detail: its price windows per provider, results, providers with data policy", async () => {
    const m = (await getModelDetail("llama-3.1-70b-instruct"))!;
    const curated = seed.models.find((x) => x.slug === "llama-3.1-70b-instruct")!;
    expect(m.prices.map((p) => `${p.providerSlug}|${p.validFrom}|${p.input}|${p.output}`).sort()).toEqual(curated.prices.map((p) => `${p.provider}|${p.from}|${p.input}|${p.output}`).sort());
    expect(m.results).toHaveLength(curated.scores.length);
    expect(m.offerings.find((o) => o.providerSlug === "groq")).toMatchObject({ hardware: "lpu", trainsOnPrompts: false });
    expect(await getModelDetail("no-such-model")).toBeNull();
  });

  it("provider spread on a date: only hosts with a price valid that day, and days to the first third-party host", async () => {
    const early = (await getProviderSpread("llama-3.1-70b-instruct", new Date("2024-09-01T00:00:00Z")))!;
    expect(early.rows.map((r) => r.providerSlug)).toEqual(["cerebras"]);
    expect(early.daysToFirstThirdPartyHost).toBe(35); // 2024-07-23 → 2024-08-27
    const later = (await getProviderSpread("llama-3.1-70b-instruct", new Date("2025-03-01T00:00:00Z")))!;
    expect(later.hosts).toBe(5);
    expect(later.rows[0]).toMatchObject({ providerSlug: "cerebras", validFrom: "2024-08-27" });
    expect(later.rows.every((r) => r.sourceUrl?.startsWith("https://"))).toBe(true);
    const candidates = await listSpreadCandidates();
    expect(candidates.find((c) => c.slug === "llama-3.1-70b-instruct")?.hosts).toBe(5);
    expect(candidates.every((c) => c.hosts >= 2)).toBe(true);
  });

  it("providers, releases and news", async () => {
    expect((await listProviders()).map((p) => p.slug).sort()).toEqual(seed.providers.map((p) => p.slug).sort());
    expect(await listReleases()).toHaveLength(seed.models.length);
    expect(await listNewsItems()).toEqual([]); // no feed in this test
  });
});
