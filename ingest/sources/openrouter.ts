/**
 * OpenRouter's model list (`GET /api/v1/models`, the `data` array or the whole `{data}` object) and
 * per-model endpoints (`GET /api/v1/models/{author}/{slug}/endpoints`: one row per hosting
 * provider with its own price). Prices are decimal strings in USD per token; "-1" marks a router
 * whose price varies.
 */
import { z } from "zod";
import type { ModelFactRecord, ParseContext, ParseResult, PriceRecord, Rejection, SourceRecord } from "../records";
import { checkPrice, parseJsonPayload, usdPerMillion } from "./payload";

export const OPENROUTER_MODELS_URL = "https://openrouter.ai/api/v1/models";
export const openrouterEndpointsUrl = (id: string) => `https://openrouter.ai/api/v1/models/${id}/endpoints`;

const priceString = z.string().regex(/^-?\d+(\.\d+)?(e-?\d+)?$/i, "expected a decimal string");
const pricingSchema = z.looseObject({ prompt: priceString, completion: priceString, input_cache_read: priceString.optional(), input_cache_write: priceString.optional(), internal_reasoning: priceString.optional(), request: priceString.optional() });
const modelSchema = z.looseObject({
  id: z.string().min(1),
  canonical_slug: z.string().nullable().optional(),
  name: z.string().optional(),
  supported_parameters: z.array(z.string()).optional(),
  architecture: z.looseObject({ input_modalities: z.array(z.string()).optional() }).optional(),
  created: z.number().optional(),
  context_length: z.number().nullable().optional(),
  hugging_face_id: z.string().nullable().optional(),
  pricing: pricingSchema,
});
const listSchema = z.union([z.array(z.unknown()), z.looseObject({ data: z.array(z.unknown()) })]);

function toPrice(modelId: string, provider: string, pricing: z.infer<typeof pricingSchema>, rejections: Rejection[], file: string): PriceRecord | null {
  const n = (s: string | undefined) => (s === undefined ? null : Number(s));
  if (Number(pricing.prompt) < 0 && Number(pricing.prompt) === -1) {
    rejections.push({ file, record: modelId, field: "pricing", reason: "variable price (a router, not a model)" });
    return null;
  }
  const rec: PriceRecord = {
    type: "price", modelId, provider, mode: "chat",
    tier: modelId.endsWith(":free") || (Number(pricing.prompt) === 0 && Number(pricing.completion) === 0) ? "free" : "standard",
    input: usdPerMillion(n(pricing.prompt)!), output: usdPerMillion(n(pricing.completion)!),
    cachedInput: pricing.input_cache_read ? usdPerMillion(n(pricing.input_cache_read)!) : null,
    cacheWrite: pricing.input_cache_write ? usdPerMillion(n(pricing.input_cache_write)!) : null,
    reasoning: pricing.internal_reasoning && Number(pricing.internal_reasoning) > 0 ? usdPerMillion(n(pricing.internal_reasoning)!) : null,
    perRequest: pricing.request && Number(pricing.request) > 0 ? Number(pricing.request) : null,
    sourceUrl: `https://openrouter.ai/${modelId.replace(/:.*$/, "")}`,
  };
  const problem = checkPrice(rec);
  if (problem) {
    rejections.push({ file, record: modelId, field: `pricing.${problem.field}`, reason: problem.reason });
    return null;
  }
  return rec;
}

export function parseOpenrouterModels(raw: string, ctx: ParseContext): ParseResult {
  const doc = listSchema.safeParse(parseJsonPayload(raw, "OpenRouter model list"));
  if (!doc.success) throw new Error("payload does not match the OpenRouter model list: expected an array or {data: [...]}");
  const items = Array.isArray(doc.data) ? doc.data : doc.data.data;
  if (items.length === 0) throw new Error("the OpenRouter model list is empty");
  const records: SourceRecord[] = [];
  const rejections: Rejection[] = [];
  let valid = 0;
  items.forEach((item, i) => {
    const m = modelSchema.safeParse(item);
    if (!m.success) {
      const issue = m.error.issues[0]!;
      const id = (item as { id?: unknown })?.id;
      rejections.push({ file: "openrouter-models", record: typeof id === "string" ? id : `data[${i}]`, field: issue.path.join(".") || "(model)", reason: issue.message });
      return;
    }
    valid++;
    const v = m.data;
    if (v.id.startsWith("~") || v.id.startsWith("openrouter/")) {
      rejections.push({ file: "openrouter-models", record: v.id, field: "id", reason: v.id.startsWith("~") ? "a moving alias to the latest model, not a model" : "an OpenRouter router, not a model" });
      return;
    }
    const price = toPrice(v.id, "openrouter", v.pricing, rejections, "openrouter-models");
    if (price) records.push(price);
    const fact: ModelFactRecord = {
      type: "model", modelId: v.id, name: v.name, contextWindow: v.context_length ?? null, createIfMissing: true,
      releasedOn: v.created ? new Date(v.created * 1000) : null, openWeights: v.hugging_face_id ? true : null, sourceUrl: `https://openrouter.ai/${v.id.replace(/:.*$/, "")}`,
      reasoning: v.supported_parameters?.includes("reasoning") ?? null,
      modalities: ["text", ...(v.architecture?.input_modalities ?? []).filter((x) => x === "image" || x === "audio" || x === "video")],
      aliases: [v.canonical_slug, v.hugging_face_id].filter((x): x is string => Boolean(x)),
    };
    records.push(fact);
  });
  // a renamed required field fails every record: that is schema drift, not bad records
  if (valid === 0) throw new Error(`payload does not match the OpenRouter model list: no model passes the schema (first problem: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  void ctx;
  return { records, rejections };
}

const endpointSchema = z.looseObject({ provider_name: z.string().min(1), tag: z.string().optional(), quantization: z.string().nullable().optional(), context_length: z.number().nullable().optional(), pricing: pricingSchema });
const endpointsDoc = z.looseObject({ data: z.looseObject({ id: z.string().min(1), endpoints: z.array(z.unknown()) }) });

/** One model's endpoints: a price per hosting provider (Groq, Together, DeepInfra, …). */
export function parseOpenrouterEndpoints(raw: string, ctx: ParseContext): ParseResult {
  const doc = endpointsDoc.safeParse(parseJsonPayload(raw, "OpenRouter endpoints"));
  if (!doc.success) throw new Error("payload does not match OpenRouter's endpoints response: expected {data: {id, endpoints: [...]}}");
  const records: SourceRecord[] = [];
  const rejections: Rejection[] = [];
  const modelId = doc.data.data.id;
  doc.data.data.endpoints.forEach((e, i) => {
    const ep = endpointSchema.safeParse(e);
    if (!ep.success) {
      rejections.push({ file: "openrouter-endpoints", record: `${modelId} endpoints[${i}]`, field: ep.error.issues[0]!.path.join("."), reason: ep.error.issues[0]!.message });
      return;
    }
    const price = toPrice(modelId, ep.data.provider_name, ep.data.pricing, rejections, "openrouter-endpoints");
    if (price) records.push({ ...price, tier: price.tier === "free" ? "free" : "standard" });
  });
  void ctx;
  return { records, rejections };
}

/** OpenRouter's names for hosting providers → FrontierWatch provider slugs. */
export const OPENROUTER_PROVIDERS: Record<string, string> = {
  openrouter: "openrouter", OpenAI: "openai", Anthropic: "anthropic", "Google AI Studio": "google", Google: "google-vertex", "Google Vertex": "google-vertex",
  "Amazon Bedrock": "aws-bedrock", Azure: "azure", DeepSeek: "deepseek", Mistral: "mistral", xAI: "xai", Together: "together", Fireworks: "fireworks",
  DeepInfra: "deepinfra", Groq: "groq", Cerebras: "cerebras", SambaNova: "sambanova", Novita: "novita", NovitaAI: "novita", Nebius: "nebius", "Nebius AI Studio": "nebius",
  Hyperbolic: "hyperbolic", Lambda: "lambda", Parasail: "parasail", SiliconFlow: "siliconflow", Baseten: "baseten", Replicate: "replicate", Alibaba: "alibaba-cloud",
  Moonshot: "moonshot", "Moonshot AI": "moonshot", "Z.AI": "zhipu", Zhipu: "zhipu", Minimax: "minimax", MiniMax: "minimax", Cohere: "cohere", AI21: "ai21",
};
