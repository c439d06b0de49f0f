/**
 * What a source adapter's pure `parse` returns: records in the project's vocabulary, still naming
 * models by the source's own ids (resolution to canonical models happens in ingest/resolve.ts),
 * plus rejections with reasons. One bad record never stops the rest.
 */
import type { Rejection } from "./sources/curated";

export type { Rejection };

/** A price the source states. Without `validFrom`, it is the price observed at the payload's time. */
export interface PriceRecord {
  type: "price";
  /** the source's id for the model, e.g. "gpt-4o", "deepseek/deepseek-chat", "bedrock/anthropic.claude-3-haiku-20240307-v1:0" */
  modelId: string;
  /** the provider as the source names it (mapped to a provider slug by the resolver) */
  provider: string;
  tier: "standard" | "long-context" | "batch" | "off-peak" | "flex" | "priority" | "promo" | "free";
  /** USD per 1M tokens */
  input: number;
  output: number;
  cachedInput?: number | null;
  cacheWrite?: number | null;
  reasoning?: number | null;
  /** USD per request */
  perRequest?: number | null;
  /** for sources that publish dated history: when this price took effect (and ended, if known) */
  validFrom?: Date;
  validTo?: Date | null;
  /** where a reader can check the number */
  sourceUrl?: string | null;
  /** the chat/completion mode etc. as the source says, used to compute match rates on chat models */
  mode?: string | null;
}

/** A benchmark result the source states. */
export interface ScoreRecord {
  type: "score";
  modelId: string;
  /** a benchmark slug of prisma/seed/benchmarks.yaml */
  benchmark: string;
  score: number;
  measuredOn: Date;
  settings?: string;
  /** what the whole benchmark run cost in USD, when published (Aider, SWE-bench) */
  costUsd?: number | null;
  sourceUrl?: string | null;
}

/** Catalogue facts about a model (open-weight metadata, context, release date). */
export interface ModelFactRecord {
  type: "model";
  modelId: string;
  name?: string;
  labHint?: string;
  releasedOn?: Date | null;
  openWeights?: boolean | null;
  license?: string | null;
  paramsTotalB?: number | null;
  contextWindow?: number | null;
  downloads?: number | null;
  reasoning?: boolean | null;
  modalities?: string[];
  /** other ids of the same model (canonical slug, Hugging Face repo) */
  aliases?: string[];
  /**
   * a catalogue source (OpenRouter) may add a model we do not know yet, when its organisation
   * names a known lab; other sources only fill gaps in models we have
   */
  createIfMissing?: boolean;
  sourceUrl?: string | null;
}

/** A news item from a feed. */
export interface NewsRecord {
  type: "news";
  url: string;
  title: string;
  publishedAt: Date;
  feed: string;
  /** sanitised HTML or plain text */
  summary?: string | null;
}

export type SourceRecord = PriceRecord | ScoreRecord | ModelFactRecord | NewsRecord;

export interface ParseResult {
  records: SourceRecord[];
  rejections: Rejection[];
}

/** Context a parser may need; never the clock: the observation time comes from outside. */
export interface ParseContext {
  /** when the payload was fetched (or the recorded copy's date) */
  observedAt: Date;
  /** the URL it came from */
  url?: string;
  /** the text of a companion payload fetched with this one (LiveBench's categories file) */
  companion?: string;
}
