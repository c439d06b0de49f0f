import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatRejection, parseCuratedDataset, type SourceFile } from "./curated";

function seedFiles(): SourceFile[] {
  const files: SourceFile[] = ["labs.yaml", "providers.yaml", "benchmarks.yaml"].map((p) => ({ path: p, text: readFileSync(`prisma/seed/${p}`, "utf8") }));
  for (const f of readdirSync("prisma/seed/models")) files.push({ path: `models/${f}`, text: readFileSync(`prisma/seed/models/${f}`, "utf8") });
  return files;
}

const base = (): SourceFile[] => [
  { path: "labs.yaml", text: "labs:\n  - { slug: acme, name: Acme AI, country: US, kind: startup, source: 'https://acme.example/about' }\n" },
  { path: "providers.yaml", text: "providers:\n  - { slug: acme, name: Acme API, kind: first_party, hardware: gpu, country: US, lab: acme, dataPolicy: { retainsPrompts: true, trainsOnPrompts: false, zeroDataRetention: null }, source: 'https://acme.example/api' }\n" },
  { path: "benchmarks.yaml", text: "benchmarks:\n  - { slug: mmlu, name: MMLU, category: knowledge, unit: percent, scaleMin: 0, scaleMax: 100, description: d, source: 'https://arxiv.org/abs/2009.03300' }\n" },
];
const modelFile = (body: string): SourceFile => ({ path: "models/acme.yaml", text: `lab: acme\nmodels:\n${body}` });
const model = (slug: string, extra = "") =>
  `  - slug: ${slug}\n    name: ${slug}\n    family: a\n    released: 2025-01-01\n    openWeights: false\n    license: proprietary\n    contextWindow: 8000\n    reasoning: false\n    source: https://acme.example/${slug}\n${extra}`;

describe("parseCuratedDataset on the project's curated dataset", () => {
  const ds = parseCuratedDataset(seedFiles());
  it("accepts every file", () => {
    expect(ds.rejections.map(formatRejection)).toEqual([]);
  });
  it("meets the dataset's promised coverage", () => {
    expect(ds.labs.length).toBeGreaterThanOrEqual(40);
    expect(ds.providers.length).toBeGreaterThanOrEqual(25);
    expect(ds.models.filter((m) => m.released >= "2020-01-01" && m.released <= "2026-12-31").length).toBeGreaterThanOrEqual(200);
    expect(ds.models.reduce((n, m) => n + m.prices.length, 0)).toBeGreaterThanOrEqual(300);
    expect(ds.models.reduce((n, m) => n + m.scores.length, 0)).toBeGreaterThanOrEqual(800);
    for (const kind of ["hyperscaler", "gpu_cloud", "specialised_hardware"]) expect(ds.providers.some((p) => p.kind === kind), kind).toBe(true);
    for (const slug of ["aws-bedrock", "azure", "google-vertex", "groq", "cerebras", "sambanova"]) expect(ds.providers.some((p) => p.slug === slug), slug).toBe(true);
    for (const bench of ["mmlu", "mmlu-pro", "gpqa-diamond", "math-500", "humaneval", "swe-bench-verified", "aime-2024", "arena-elo"]) {
      expect(ds.models.some((m) => m.scores.some((s) => s.benchmark === bench)), bench).toBe(true);
    }
  });
  it("covers the families the product is about, open and proprietary", () => {
    const has = (re: RegExp) => ds.models.some((m) => re.test(m.slug));
    for (const re of [/^deepseek-v2$/, /^deepseek-v3$/, /^deepseek-r1$/, /llama-3\.1-405b/, /^qwen/, /mixtral/, /gemma/, /davinci/, /gpt-4o/, /^o3/, /claude-2/, /claude-3-5-sonnet/, /gemini-1\.0/, /gemini-2\.5-pro/, /grok/, /kimi/, /glm/, /minimax/]) {
      expect(has(re), String(re)).toBe(true);
    }
    expect(ds.models.some((m) => m.openWeights) && ds.models.some((m) => !m.openWeights)).toBe(true);
    expect(ds.models.some((m) => m.reasoning)).toBe(true);
    expect(ds.models.some((m) => m.domain !== "general")).toBe(true);
  });
  it("gives every record a public source URL", () => {
    for (const m of ds.models) {
      expect(m.source).toMatch(/^https?:\/\//);
      for (const p of m.prices) expect(p.source).toMatch(/^https?:\/\//);
      for (const s of m.scores) expect(s.source).toMatch(/^https?:\/\//);
    }
  });
});

describe("parseCuratedDataset rejections", () => {
  it("names the file, the record and the field of a malformed record, and loads nothing from that file", () => {
    const ds = parseCuratedDataset([...base(), modelFile(model("good-one") + model("bad-one", "    prices:\n      - { from: 2025-01-01, input: -1, output: 2, source: 'https://acme.example/p' }\n"))]);
    expect(ds.rejections).toEqual([{ file: "models/acme.yaml", record: 'model "bad-one" (#2)', field: "prices[0].input", reason: "a price cannot be negative" }]);
    expect(ds.models).toEqual([]);
    expect(ds.files).not.toContain("models/acme.yaml");
    expect(ds.files).toEqual(expect.arrayContaining(["labs.yaml", "providers.yaml", "benchmarks.yaml"]));
  });
  it("rejects unknown fields, so a typo is not a silently missing fact", () => {
    const ds = parseCuratedDataset([...base(), modelFile(model("m1", "    contextWindw: 9000\n"))]);
    expect(ds.rejections[0]).toMatchObject({ record: 'model "m1" (#1)', field: "(record)" });
    expect(ds.rejections[0]!.reason).toMatch(/contextWindw/);
  });
  it("rejects an unknown benchmark, an out-of-range score and an unknown provider", () => {
    const ds = parseCuratedDataset([...base(), modelFile(model("m1", "    prices:\n      - { provider: nobody, from: 2025-01-01, input: 1, output: 2, source: 'https://a.example' }\n    scores:\n      - { benchmark: mmlu, score: 101, source: 'https://a.example' }\n      - { benchmark: nope, score: 1, source: 'https://a.example' }\n"))]);
    expect(ds.rejections.map((r) => r.field).sort()).toEqual(["prices[0].provider", "scores[0].score", "scores[1].benchmark"]);
  });
  it("rejects an alias that already names another model", () => {
    const ds = parseCuratedDataset([...base(), modelFile(model("m1", "    aliases: [shared-id]\n") + model("m2", "    aliases: [Shared-ID]\n"))]);
    expect(ds.rejections).toHaveLength(1);
    expect(ds.rejections[0]).toMatchObject({ record: 'model "m2"', field: "aliases" });
  });
  it("rejects price dates out of order and a YAML syntax error", () => {
    const ds = parseCuratedDataset([
      ...base(),
      modelFile(model("m1", "    prices:\n      - { from: 2025-02-01, input: 1, output: 2, source: 'https://a.example' }\n      - { from: 2025-01-01, input: 1, output: 1, source: 'https://a.example' }\n")),
      { path: "models/broken.yaml", text: "lab: acme\nmodels: [ {slug: x" },
    ]);
    expect(ds.rejections.map((r) => `${r.file} ${r.field}`).sort()).toEqual(["models/acme.yaml prices[1].from", "models/broken.yaml (syntax)"]);
  });
  it("rejects an impossible calendar date", () => {
    const ds = parseCuratedDataset([...base(), modelFile(model("m1").replace("2025-01-01", "2025-02-30"))]);
    expect(ds.rejections[0]).toMatchObject({ field: "released", reason: "not a real calendar date" });
  });
});

describe("aliases with windows (moving API ids)", () => {
  const win = (slug: string, from: string, to: string) => model(slug, `    aliases: [{ id: moving-chat, from: ${from}, to: ${to} }]\n`);
  it("lets one id name several models at different times", () => {
    const ds = parseCuratedDataset([...base(), modelFile(win("m1", "2024-01-01", "2024-06-01") + win("m2", "2024-06-01", "2025-01-01"))]);
    expect(ds.rejections).toEqual([]);
    expect(ds.models).toHaveLength(2);
  });
  it("rejects overlapping windows, and a plain alias that another model holds for a while", () => {
    const overlap = parseCuratedDataset([...base(), modelFile(win("m1", "2024-01-01", "2024-07-01") + win("m2", "2024-06-01", "2025-01-01"))]);
    expect(overlap.rejections[0]).toMatchObject({ record: 'model "m2"', field: "aliases", reason: expect.stringMatching(/already names model "m1" from 2024-01-01 to 2024-07-01/) });
    const plain = parseCuratedDataset([...base(), modelFile(win("m1", "2024-01-01", "2024-07-01") + model("m2", "    aliases: [moving-chat]\n"))]);
    expect(plain.rejections).toHaveLength(1);
  });
  it("rejects a window that ends before it starts", () => {
    const ds = parseCuratedDataset([...base(), modelFile(win("m1", "2024-07-01", "2024-01-01"))]);
    expect(ds.rejections[0]).toMatchObject({ field: "aliases[0].to", reason: "from must be before to" });
  });
});
