/**
 * What a workload costs on one offering (a model on a provider), from its per-1M-token prices.
 *
 * - Input tokens: the cached share is billed at the cached-input price when the provider publishes
 *   one, otherwise at the input price (no discount is assumed that nobody offers).
 * - Output tokens at the output price.
 * - Reasoning models also emit hidden reasoning tokens: outputTokens × (reasoningMultiplier − 1),
 *   billed at the reasoning price when one is listed, otherwise at the output price (how most
 *   providers bill them). The multiplier does not apply to non-reasoning models.
 */
export interface Workload {
  /** input (prompt) tokens per request */
  inputTokens: number;
  /** visible output tokens per request */
  outputTokens: number;
  /** share of input tokens served from the provider's cache, 0–1 */
  cachedShare: number;
  /** total output ÷ visible output for reasoning models (1 = no hidden reasoning tokens) */
  reasoningMultiplier: number;
  requestsPerMonth: number;
}

export interface TokenPrices {
  /** USD per 1M tokens */
  input: number;
  output: number;
  cachedInput: number | null;
  reasoning: number | null;
}

export interface WorkloadCost {
  perRequest: number;
  perMonth: number;
  /** USD per month by component */
  parts: { input: number; cachedInput: number; output: number; reasoning: number };
  /** tokens per request actually billed, hidden reasoning tokens included */
  billedTokens: number;
  /** true when the cached share was billed at the full input price (no cached price listed) */
  cacheNotPriced: boolean;
}

export function workloadCost(w: Workload, p: TokenPrices, model: { reasoning: boolean }): WorkloadCost {
  if (w.cachedShare < 0 || w.cachedShare > 1) throw new RangeError("cachedShare must be between 0 and 1");
  if (w.reasoningMultiplier < 1) throw new RangeError("reasoningMultiplier must be at least 1");
  const cachedTokens = w.inputTokens * w.cachedShare;
  const freshTokens = w.inputTokens - cachedTokens;
  const reasoningTokens = model.reasoning ? w.outputTokens * (w.reasoningMultiplier - 1) : 0;
  const perM = (tokens: number, price: number) => (tokens * price) / 1_000_000;
  const request = {
    input: perM(freshTokens, p.input),
    cachedInput: perM(cachedTokens, p.cachedInput ?? p.input),
    output: perM(w.outputTokens, p.output),
    reasoning: perM(reasoningTokens, p.reasoning ?? p.output),
  };
  const perRequest = request.input + request.cachedInput + request.output + request.reasoning;
  const month = (v: number) => v * w.requestsPerMonth;
  return {
    perRequest,
    perMonth: month(perRequest),
    parts: { input: month(request.input), cachedInput: month(request.cachedInput), output: month(request.output), reasoning: month(request.reasoning) },
    billedTokens: w.inputTokens + w.outputTokens + reasoningTokens,
    cacheNotPriced: cachedTokens > 0 && p.cachedInput === null,
  };
}
