/**
 * LiteLLM's model price map: one JSON object keyed by model id, prices in USD per token. Each entry
 * yields the standard price and, where stated, batch, priority, flex and long-context (>200k) tiers.
 */
import { z } from "zod";
import type { ParseContext, ParseResult, PriceRecord, Rejection } from "../records";
import { parseJsonPayload, usdPerMillion, checkPrice } from "./payload";

export const LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json";
const SKIP_KEYS = new Set(["sample_spec", "last_updated", "fallback_generalizations"]);
/** FrontierWatch tracks language models: embeddings, images, speech, rerankers and moderation are not read. */
const TEXT_MODES = new Set(["chat", "completion", "responses"]);
/**
 * Not prices of a model in the catalogue: Fireworks and Together list prices by parameter-count
 * bucket ("fireworks-ai-4.1b-to-16b"); "ft:" entries are what a customer's fine-tuned copy costs.
 */
const SIZE_BUCKET = /^(fireworks-ai|together-ai)-|^ft:|\/ft:/;
/**
 * LiteLLM files some non-language models under mode "chat": embeddings, speech, image generation,
 * OCR, safety classifiers, time-series. Their ids say what they are; they are not read.
 */
const NOT_A_LANGUAGE_MODEL = /(^|[/._-])(embed|embedding|tts|transcribe|whisper|flux|image|rerank|moderation|native-audio|live|ocr|guardian|ttm)([/._-]|$)/i;

const cost = z.number().finite().optional();
const entrySchema = z.object({
  litellm_provider: z.string().min(1),
  mode: z.string().optional(),
  input_cost_per_token: cost,
  output_cost_per_token: cost,
  cache_read_input_token_cost: cost,
  cache_creation_input_token_cost: cost,
  output_cost_per_reasoning_token: cost,
  input_cost_per_token_batches: cost,
  output_cost_per_token_batches: cost,
  input_cost_per_token_priority: cost,
  input_cost_per_token_flex: cost,
  output_cost_per_token_flex: cost,
  output_cost_per_token_priority: cost,
  input_cost_per_token_above_200k_tokens: cost,
  output_cost_per_token_above_200k_tokens: cost,
});
const ENTRY_FIELDS = Object.keys(entrySchema.shape);

/**
 * The fields of an entry that the schema checks, copied out of it. Entries carry dozens of other
 * keys (context windows, feature flags, per-image and per-second prices); handing zod the whole
 * entry made it walk and copy all of them, which was most of the parse time. Zod still checks every
 * field we read, and a value that is not an object goes to zod as it is, to be rejected.
 */
function fieldsToCheck(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const picked: Record<string, unknown> = {};
  for (const key of ENTRY_FIELDS) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) picked[key] = v;
  }
  return picked;
}

/** LiteLLM's provider keys → FrontierWatch provider slugs. */
export const LITELLM_PROVIDERS: Record<string, string> = {
  openai: "openai", "text-completion-openai": "openai", anthropic: "anthropic", gemini: "google", "vertex_ai-language-models": "google-vertex",
  "vertex_ai-anthropic_models": "google-vertex", "vertex_ai-mistral_models": "google-vertex", "vertex_ai-llama_models": "google-vertex", "vertex_ai-deepseek_models": "google-vertex",
  "vertex_ai-qwen_models": "google-vertex", "vertex_ai-openai_models": "google-vertex", "vertex_ai-ai21_models": "google-vertex", "vertex_ai-chat-models": "google-vertex",
  "vertex_ai-text-models": "google-vertex", "vertex_ai-code-chat-models": "google-vertex", "vertex_ai-code-text-models": "google-vertex", vertex_ai: "google-vertex",
  bedrock: "aws-bedrock", bedrock_converse: "aws-bedrock", azure: "azure", azure_ai: "azure", deepseek: "deepseek", mistral: "mistral", codestral: "mistral",
  "text-completion-codestral": "mistral", xai: "xai", together_ai: "together", fireworks_ai: "fireworks", deepinfra: "deepinfra", groq: "groq", cerebras: "cerebras",
  sambanova: "sambanova", openrouter: "openrouter", novita: "novita", nebius: "nebius", hyperbolic: "hyperbolic", replicate: "replicate", lambda_ai: "lambda",
  dashscope: "alibaba-cloud", moonshot: "moonshot", zai: "zhipu", minimax: "minimax", cohere: "cohere", cohere_chat: "cohere", ai21: "ai21",
  baseten: "baseten", parasail: "parasail", siliconflow: "siliconflow",
};

type Entry = z.infer<typeof entrySchema>;

/**
 * One tier's price record of an entry, or its rejection. A plain function with an object literal:
 * spreading a shared base into each record and destructuring a table of tiers cost more than
 * everything else in the parse.
 */
function addTier(records: PriceRecord[], rejections: Rejection[], key: string, v: Entry, mode: string | null, tier: PriceRecord["tier"], inp: number | undefined, outp: number | undefined): void {
  if (inp === undefined || outp === undefined) return;
  const standard = tier === "standard";
  const rec: PriceRecord = {
    type: "price", modelId: key, provider: v.litellm_provider, mode, sourceUrl: LITELLM_URL, tier, input: usdPerMillion(inp), output: usdPerMillion(outp),
    cachedInput: standard && v.cache_read_input_token_cost !== undefined ? usdPerMillion(v.cache_read_input_token_cost) : null,
    cacheWrite: standard && v.cache_creation_input_token_cost !== undefined ? usdPerMillion(v.cache_creation_input_token_cost) : null,
    reasoning: standard && v.output_cost_per_reasoning_token !== undefined ? usdPerMillion(v.output_cost_per_reasoning_token) : null,
  };
  const problem = checkPrice(rec);
  if (problem) rejections.push({ file: "litellm", record: key, field: `${tier}.${problem.field}`, reason: problem.reason });
  else records.push(rec);
}

export function parseLitellm(raw: string, ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw, "LiteLLM price map");
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new Error("payload does not match the LiteLLM price map: expected an object keyed by model id");
  const records: PriceRecord[] = [];
  const rejections: Rejection[] = [];
  let entries = 0;
  for (const [key, value] of Object.entries(doc)) {
    if (SKIP_KEYS.has(key)) continue;
    entries++;
    const statedMode = (value as { mode?: unknown } | null)?.mode;
    if ((typeof statedMode === "string" && !TEXT_MODES.has(statedMode)) || SIZE_BUCKET.test(key) || NOT_A_LANGUAGE_MODEL.test(key)) continue;
    const e = entrySchema.safeParse(fieldsToCheck(value));
    if (!e.success) {
      const issue = e.error.issues[0]!;
      rejections.push({ file: "litellm", record: key, field: issue.path.join(".") || "(entry)", reason: issue.message });
      continue;
    }
    const v = e.data;
    if (v.input_cost_per_token === undefined || v.output_cost_per_token === undefined) continue; // priced per image, second, call…
    const mode = v.mode ?? null;
    addTier(records, rejections, key, v, mode, "standard", v.input_cost_per_token, v.output_cost_per_token);
    addTier(records, rejections, key, v, mode, "batch", v.input_cost_per_token_batches, v.output_cost_per_token_batches);
    addTier(records, rejections, key, v, mode, "priority", v.input_cost_per_token_priority, v.output_cost_per_token_priority);
    addTier(records, rejections, key, v, mode, "flex", v.input_cost_per_token_flex, v.output_cost_per_token_flex);
    addTier(records, rejections, key, v, mode, "long-context", v.input_cost_per_token_above_200k_tokens, v.output_cost_per_token_above_200k_tokens);
  }
  if (entries === 0) throw new Error("payload does not match the LiteLLM price map: no model entries");
  void ctx;
  return { records, rejections };
}
