/**
 * Hugging Face Hub API: open-weight model metadata (licence, parameter count, downloads, creation
 * date) for a configurable list of organisations. Two payload shapes, both parsed here:
 * - the list `GET /api/models?author=<org>&full=true&cardData=true&sort=downloads&limit=100`
 *   (a JSON array; it carries tags, cardData and downloads, usually not the safetensors counts);
 * - one model `GET /api/models/<repo_id>` (a JSON object, with `safetensors.parameters/total`).
 * Every listed model is open weights by definition (its weights are on the Hub, gated or not).
 * Pure: no I/O, no clock.
 */
import { z } from "zod";
import type { ModelFactRecord, ParseContext, ParseResult, Rejection } from "../records";
import { parseJsonPayload } from "./payload";

export const HUGGINGFACE_MODELS_URL = "https://huggingface.co/api/models";

/** Organisations whose models we list by default (configurable by whoever schedules the fetch). */
export const HUGGINGFACE_DEFAULT_ORGS: readonly string[] = [
  "deepseek-ai", "meta-llama", "Qwen", "mistralai", "google", "microsoft", "nvidia", "moonshotai",
  "zai-org", "MiniMaxAI", "openai", "allenai", "ibm-granite", "tiiuae", "CohereLabs",
];

/** The list URL for one organisation, most-downloaded first. */
export function huggingFaceListUrl(author: string, limit = 100): string {
  return `${HUGGINGFACE_MODELS_URL}?author=${encodeURIComponent(author)}&full=true&cardData=true&sort=downloads&limit=${limit}`;
}

/** The single-model URL (the repo id's slash stays a path separator). */
export function huggingFaceModelUrl(repoId: string): string {
  return `${HUGGINGFACE_MODELS_URL}/${repoId.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * The Hub's lowest `createdAt`: every repo created before the Hub stored creation dates carries
 * it, so it says nothing about when that model was released.
 */
export const HUGGINGFACE_UNKNOWN_CREATED_AT = "2022-03-02T23:29:04.000Z";

const isoTimestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not an ISO timestamp");

/** One model as the API returns it; fields we do not use pass through untouched. */
export const huggingFaceModelSchema = z
  .looseObject({
    id: z.string().min(1).optional(),
    modelId: z.string().min(1).optional(),
    author: z.string().optional(),
    downloads: z.number().int().min(0, "downloads cannot be negative").optional(),
    likes: z.number().int().optional(),
    createdAt: isoTimestamp.optional(),
    lastModified: isoTimestamp.optional(),
    private: z.boolean().optional(),
    gated: z.union([z.boolean(), z.string()]).optional(),
    tags: z.array(z.string()).optional(),
    pipeline_tag: z.string().optional(),
    library_name: z.string().optional(),
    cardData: z
      .looseObject({
        license: z.union([z.string(), z.array(z.string())]).optional(),
        license_name: z.string().optional(),
      })
      .optional(),
    safetensors: z
      .looseObject({
        parameters: z.record(z.string(), z.number().min(0, "a parameter count cannot be negative")).optional(),
        total: z.number().min(0, "a parameter count cannot be negative").optional(),
      })
      .optional(),
  })
  .refine((m) => m.id !== undefined || m.modelId !== undefined, { message: "required (id or modelId)", path: ["id"] });

export type HuggingFaceModel = z.infer<typeof huggingFaceModelSchema>;

function formatPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[") || "(record)";
}

/** The licence as the card states it; a card that says "other" names it in `license_name`. */
function licenseOf(m: HuggingFaceModel): string | undefined {
  const card = m.cardData?.license;
  const stated = Array.isArray(card) ? card.join(", ") : card;
  if (stated && stated !== "other") return stated;
  if (m.cardData?.license_name) return m.cardData.license_name;
  const tag = m.tags?.find((t) => t.startsWith("license:"))?.slice("license:".length);
  return stated ?? tag;
}

/** Total parameters in billions from the safetensors metadata (the sum by dtype when no total). */
function paramsOf(m: HuggingFaceModel): number | undefined {
  const st = m.safetensors;
  if (!st) return undefined;
  const total = st.total ?? (st.parameters ? Object.values(st.parameters).reduce((a, b) => a + b, 0) : undefined);
  return total ? Math.round(total / 1e3) / 1e6 : undefined;
}

function toRecord(m: HuggingFaceModel, id: string): ModelFactRecord {
  const created = m.createdAt && Date.parse(m.createdAt) > Date.parse(HUGGINGFACE_UNKNOWN_CREATED_AT) ? new Date(m.createdAt) : undefined;
  const license = licenseOf(m);
  const params = paramsOf(m);
  const owner = id.includes("/") ? id.slice(0, id.indexOf("/")) : undefined;
  const labHint = m.author ?? owner;
  // what the payload does not say stays undefined, so it cannot erase another source's fact
  return {
    type: "model",
    modelId: id,
    name: owner ? id.slice(owner.length + 1) : id,
    ...(labHint ? { labHint } : {}),
    openWeights: true,
    ...(license ? { license } : {}),
    ...(params !== undefined ? { paramsTotalB: params } : {}),
    ...(m.downloads !== undefined ? { downloads: m.downloads } : {}),
    ...(created ? { releasedOn: created } : {}),
    sourceUrl: `https://huggingface.co/${id}`,
  };
}

/**
 * Parses a list response (array) or a single-model response (object). A model that fails the
 * schema is rejected and the others kept; when every model of a list fails, or a single response
 * has no id at all, the API itself changed shape and the whole payload is refused.
 */
export function parseHuggingFace(raw: string, ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw, "Hugging Face API");
  const isObject = typeof doc === "object" && doc !== null && !Array.isArray(doc);
  if (isObject && typeof (doc as { error?: unknown }).error === "string") {
    throw new Error(`the Hugging Face API answered with an error: ${(doc as { error: string }).error}`);
  }
  if (!Array.isArray(doc) && !isObject) throw new Error(`payload does not match the Hugging Face schema: expected an array of models or one model, got ${doc === null ? "null" : typeof doc}`);
  const items: unknown[] = Array.isArray(doc) ? doc : [doc];
  const single = !Array.isArray(doc);
  if (single && !("id" in (doc as object)) && !("modelId" in (doc as object))) {
    throw new Error("payload does not match the Hugging Face schema: id: required (the object is not a model)");
  }

  // a short name of the payload: "models?author=deepseek-ai" or "models/deepseek-ai/DeepSeek-V3"
  const file = ctx.url ? ctx.url.replace(/^https?:\/\/huggingface\.co\/api\//, "").replace(/&.*$/, "") : single ? "models/<repo_id>" : "models?author=…";
  const records: ModelFactRecord[] = [];
  const rejections: Rejection[] = [];
  let firstIssue: string | undefined;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = single ? "" : `[${i}]`;
    const result = huggingFaceModelSchema.safeParse(item);
    const rawId = (item as { id?: unknown; modelId?: unknown } | null)?.id ?? (item as { modelId?: unknown } | null)?.modelId;
    const record = typeof rawId === "string" && rawId ? `model "${rawId}"` : `model #${i + 1}`;
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = formatPath(issue.path);
        firstIssue ??= `${at}${at && field !== "(record)" ? "." : ""}${field === "(record)" ? "" : field}: ${issue.message}`;
        rejections.push({ file, record, field, reason: issue.message });
      }
      return;
    }
    const id = (result.data.id ?? result.data.modelId)!;
    if (seen.has(id)) {
      rejections.push({ file, record, field: "id", reason: "duplicate model id" });
      return;
    }
    seen.add(id);
    records.push(toRecord(result.data, id));
  });
  // one bad model is a rejection; every model of a list failing means the API changed shape
  if (items.length > 1 && records.length === 0 && firstIssue) {
    throw new Error(`payload does not match the Hugging Face schema: ${firstIssue}`);
  }
  return { records, rejections };
}

export const huggingfaceSource = {
  slug: "huggingface",
  name: "Hugging Face Hub (open-weight model metadata)",
  kind: "catalog",
  url: HUGGINGFACE_MODELS_URL,
  defaultSchedule: "20 4 * * *",
  parse: parseHuggingFace,
} as const;
