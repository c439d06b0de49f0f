/**
 * Curated reference dataset adapter. `parseCuratedDataset` is pure: it takes the text of every
 * file under prisma/seed/ and returns validated records, or rejections that name the file, the
 * record and the field. A file with any rejected record contributes nothing (all or nothing per
 * file), so a half-edited file never leaves half its facts in the database.
 * `readCuratedFiles` is the only I/O.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { normaliseAlias } from "../../lib/aliases";
import type { z } from "zod";
import {
  curatedBenchmarksFileSchema,
  curatedLabsFileSchema,
  curatedModelsFileSchema,
  curatedProvidersFileSchema,
  type CuratedBenchmark,
  type CuratedLab,
  type CuratedModel,
  type CuratedProvider,
  aliasWindow,
} from "./curated-schema";

export interface SourceFile {
  /** path relative to the seed folder, e.g. "models/openai.yaml" */
  path: string;
  text: string;
}

export interface Rejection {
  file: string;
  record: string;
  field: string;
  reason: string;
}

export interface CuratedModelRecord extends CuratedModel {
  lab: string;
  file: string;
}

export interface CuratedDataset {
  labs: CuratedLab[];
  providers: CuratedProvider[];
  benchmarks: CuratedBenchmark[];
  models: CuratedModelRecord[];
  rejections: Rejection[];
  /** files loaded in full */
  files: string[];
}

export function formatRejection(r: Rejection): string {
  return `${r.file}: ${r.record}: ${r.field}: ${r.reason}`;
}

function describeRecord(doc: unknown, issuePath: PropertyKey[]): { record: string; field: string } {
  // issuePath looks like ["models", 12, "prices", 0, "input"]
  const [collection, index, ...rest] = issuePath;
  let record = String(collection ?? "(file)");
  if (typeof index === "number") {
    const items = (doc as Record<string, unknown> | null)?.[String(collection)];
    const item = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined;
    const slug = item && typeof item.slug === "string" ? item.slug : undefined;
    record = slug ? `${String(collection).replace(/s$/, "")} "${slug}" (#${index + 1})` : `${String(collection)}[${index}]`;
  }
  const field = rest.length ? rest.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[") : typeof index === "number" ? "(record)" : String(index ?? "(root)");
  return { record, field };
}

function validateFile<S extends z.ZodType>(file: SourceFile, schema: S): { data?: z.infer<S>; rejections: Rejection[] } {
  let doc: unknown;
  try {
    doc = parseYaml(file.text, { prettyErrors: true, strict: true, uniqueKeys: true });
  } catch (err) {
    return { rejections: [{ file: file.path, record: "(file)", field: "(syntax)", reason: (err as Error).message.split("\n")[0] ?? "invalid YAML" }] };
  }
  const result = schema.safeParse(doc);
  if (result.success) return { data: result.data, rejections: [] };
  return {
    rejections: result.error.issues.map((issue) => ({ file: file.path, ...describeRecord(doc, issue.path), reason: issue.message })),
  };
}

function kindOf(p: string): "labs" | "providers" | "benchmarks" | "models" | undefined {
  const base = p.replace(/\\/g, "/");
  if (base === "labs.yaml") return "labs";
  if (base === "providers.yaml") return "providers";
  if (base === "benchmarks.yaml") return "benchmarks";
  if (/^models\/[^/]+\.ya?ml$/.test(base)) return "models";
  return undefined;
}

export function parseCuratedDataset(files: SourceFile[]): CuratedDataset {
  const out: CuratedDataset = { labs: [], providers: [], benchmarks: [], models: [], rejections: [], files: [] };
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const modelFiles: { file: SourceFile; lab: string; models: CuratedModel[] }[] = [];

  for (const file of sorted) {
    const kind = kindOf(file.path);
    if (!kind) {
      out.rejections.push({ file: file.path, record: "(file)", field: "(name)", reason: "not a curated file: expected labs.yaml, providers.yaml, benchmarks.yaml or models/<lab>.yaml" });
      continue;
    }
    if (kind === "labs") {
      const r = validateFile(file, curatedLabsFileSchema);
      out.rejections.push(...r.rejections);
      if (r.data) { out.labs.push(...r.data.labs); out.files.push(file.path); }
    } else if (kind === "providers") {
      const r = validateFile(file, curatedProvidersFileSchema);
      out.rejections.push(...r.rejections);
      if (r.data) { out.providers.push(...r.data.providers); out.files.push(file.path); }
    } else if (kind === "benchmarks") {
      const r = validateFile(file, curatedBenchmarksFileSchema);
      out.rejections.push(...r.rejections);
      if (r.data) { out.benchmarks.push(...r.data.benchmarks); out.files.push(file.path); }
    } else {
      const r = validateFile(file, curatedModelsFileSchema);
      out.rejections.push(...r.rejections);
      if (r.data) modelFiles.push({ file, lab: r.data.lab, models: r.data.models });
    }
  }

  const dup = <T extends { slug: string }>(items: T[], what: string, file: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.slug)) out.rejections.push({ file, record: `${what} "${item.slug}"`, field: "slug", reason: "duplicate slug" });
      seen.add(item.slug);
    }
  };
  dup(out.labs, "lab", "labs.yaml");
  dup(out.providers, "provider", "providers.yaml");
  dup(out.benchmarks, "benchmark", "benchmarks.yaml");

  const labSlugs = new Set(out.labs.map((l) => l.slug));
  const providerSlugs = new Set(out.providers.map((p) => p.slug));
  const benchmarks = new Map(out.benchmarks.map((b) => [b.slug, b]));
  const firstParty = new Map(out.providers.filter((p) => p.kind === "first_party" && p.lab).map((p) => [p.lab!, p.slug]));
  for (const p of out.providers) {
    if (p.lab && !labSlugs.has(p.lab)) out.rejections.push({ file: "providers.yaml", record: `provider "${p.slug}"`, field: "lab", reason: `unknown lab "${p.lab}"` });
  }

  const modelSlugs = new Set<string>();
  const aliasOwner = new Map<string, AliasClaim[]>();
  for (const { file, lab, models } of modelFiles) {
    const rejections = checkModelFile(file.path, lab, models, { labSlugs, providerSlugs, benchmarks, firstParty, modelSlugs, aliasOwner });
    if (rejections.length) { out.rejections.push(...rejections); continue; }
    for (const m of models) {
      modelSlugs.add(m.slug);
      for (const a of [m.slug, ...m.aliases].map((x) => aliasWindow(x))) {
        const key = normaliseAlias(a.id);
        aliasOwner.set(key, [...(aliasOwner.get(key) ?? []), { slug: m.slug, from: a.from, to: a.to }]);
      }
      out.models.push({ ...m, lab, file: file.path });
    }
    out.files.push(file.path);
  }
  return out;
}

interface AliasClaim {
  slug: string;
  from: string | null;
  to: string | null;
}

const overlaps = (a: AliasClaim, b: AliasClaim) => (a.from ?? "0000") < (b.to ?? "9999") && (b.from ?? "0000") < (a.to ?? "9999");

interface CrossRefs {
  labSlugs: Set<string>;
  providerSlugs: Set<string>;
  benchmarks: Map<string, CuratedBenchmark>;
  firstParty: Map<string, string>;
  modelSlugs: Set<string>;
  aliasOwner: Map<string, AliasClaim[]>;
}

/** The checks a schema cannot make alone: references, uniqueness, ranges and date order. */
function checkModelFile(file: string, lab: string, models: CuratedModel[], refs: CrossRefs): Rejection[] {
  const rej: Rejection[] = [];
  if (!refs.labSlugs.has(lab)) rej.push({ file, record: "(file)", field: "lab", reason: `unknown lab "${lab}"` });
  const local = new Set<string>();
  const localAliases = new Map<string, AliasClaim[]>();
  for (const m of models) {
    const record = `model "${m.slug}"`;
    if (refs.modelSlugs.has(m.slug) || local.has(m.slug)) rej.push({ file, record, field: "slug", reason: "duplicate model slug" });
    local.add(m.slug);
    if (m.released < "2018-01-01" || m.released > "2030-12-31") rej.push({ file, record, field: "released", reason: `release date ${m.released} out of range` });
    if (m.deprecatedOn && m.deprecatedOn < m.released) rej.push({ file, record, field: "deprecatedOn", reason: "deprecated before release" });
    for (const a of [m.slug, ...m.aliases].map((x) => aliasWindow(x))) {
      const key = normaliseAlias(a.id);
      const claim = { slug: m.slug, from: a.from, to: a.to };
      // one id, one model at a time: windows of a moving id must not overlap
      const clash = [...(refs.aliasOwner.get(key) ?? []), ...(localAliases.get(key) ?? [])].find((c) => c.slug !== m.slug && overlaps(c, claim));
      if (clash) rej.push({ file, record, field: a.id === m.slug ? "slug" : "aliases", reason: `"${a.id}" already names model "${clash.slug}"${clash.from || clash.to ? ` from ${clash.from ?? "the start"} to ${clash.to ?? "now"}` : ""}` });
      localAliases.set(key, [...(localAliases.get(key) ?? []), claim]);
    }
    const lastFrom = new Map<string, string>();
    m.prices.forEach((p, i) => {
      const provider = p.provider ?? refs.firstParty.get(lab);
      if (!provider) rej.push({ file, record, field: `prices[${i}].provider`, reason: `no provider given and lab "${lab}" has no first-party provider` });
      else if (!refs.providerSlugs.has(provider)) rej.push({ file, record, field: `prices[${i}].provider`, reason: `unknown provider "${provider}"` });
      const key = `${provider}|${p.tier}`;
      const prev = lastFrom.get(key);
      if (prev && p.from < prev) rej.push({ file, record, field: `prices[${i}].from`, reason: `price dates for ${key} must increase and not overlap (${p.from} is before ${prev})` });
      else if (prev && p.from === prev) rej.push({ file, record, field: `prices[${i}].from`, reason: `price dates for ${key} must increase (${p.from} repeats)` });
      if (p.to && p.to <= p.from) rej.push({ file, record, field: `prices[${i}].to`, reason: `the end date ${p.to} must be after the start date ${p.from}` });
      lastFrom.set(key, p.to ?? p.from);
    });
    const scoreKeys = new Set<string>();
    m.scores.forEach((s, i) => {
      const scoreKey = `${s.benchmark}|${s.settings ?? ""}|${s.date ?? m.released}`;
      if (scoreKeys.has(scoreKey)) rej.push({ file, record, field: `scores[${i}]`, reason: `a second ${s.benchmark} score with the same settings and date` });
      scoreKeys.add(scoreKey);
      const b = refs.benchmarks.get(s.benchmark);
      if (!b) { rej.push({ file, record, field: `scores[${i}].benchmark`, reason: `unknown benchmark "${s.benchmark}"` }); return; }
      if (s.score < b.scaleMin || s.score > b.scaleMax) rej.push({ file, record, field: `scores[${i}].score`, reason: `${s.score} is outside ${b.slug}'s range ${b.scaleMin}-${b.scaleMax}` });
    });
  }
  return rej;
}

/** Reads every curated file under `dir` (the only I/O of this adapter). */
export async function readCuratedFiles(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const name of await readdir(dir)) {
    if (/\.ya?ml$/.test(name)) files.push({ path: name, text: await readFile(path.join(dir, name), "utf8") });
  }
  const modelsDir = path.join(dir, "models");
  for (const name of await readdir(modelsDir).catch(() => [] as string[])) {
    if (/\.ya?ml$/.test(name)) files.push({ path: `models/${name}`, text: await readFile(path.join(modelsDir, name), "utf8") });
  }
  return files;
}
