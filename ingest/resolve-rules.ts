/**
 * Normalisation rules that turn a source's model id into candidate aliases, most specific first.
 * Pure. The alias table (model_aliases) decides which candidate names which model.
 */
import { normaliseAlias } from "../lib/aliases";

const BEDROCK_REGION = /^(us|eu|apac|global|au|jp|ca|us-gov|ap)\./;
const BEDROCK_VENDOR = /^(anthropic|meta|mistral|amazon|cohere|ai21|deepseek|qwen|openai|google|writer|moonshot|moonshotai|minimax|twelvelabs|stability|xai|nvidia|zai)\./;
/** Prefixes that name a route, not the model (LiteLLM provider keys, OpenRouter-style hosts). */
const ROUTE_PREFIX = /^(openrouter|bedrock|bedrock_converse|azure|azure_ai|vertex_ai|vertex_ai_beta|gemini|together_ai|fireworks_ai|deepinfra|groq|cerebras|sambanova|novita|nebius|hyperbolic|replicate|lambda_ai|anyscale|perplexity|xai|deepseek|mistral|dashscope|moonshot|zai|minimax|cohere|cohere_chat|ai21|anthropic|openai|text-completion-openai|text-completion-codestral|friendliai|cloudflare|ollama|ollama_chat|watsonx|oci|snowflake|databricks|vercel_ai_gateway|github_copilot|gmi|wandb|ovhcloud|nscale|scaleway|llamagate|gradient_ai|baseten|parasail|siliconflow|chutes|featherless_ai|nvidia_nim|volcengine|codestral|bedrock_mantle|llamagate|voyage|lemonade|heroku|datarobot|aiml|v0|morph|dashscope-intl)\//;

/** Printable ASCII without whitespace: normaliseAlias of such a string is its lower case. */
const PLAIN = /^[!-~]*$/;

/** Candidates in order, produced lazily: the resolver stops at the first one the alias table knows. */
export function* aliasCandidatesLazy(id: string): Generator<string> {
  const seen = new Set<string>();
  // the normal form of s when it is a new candidate, else "" (a plain function, not a nested
  // generator: one generator per id instead of one per candidate keeps resolution cheap)
  const fresh = (s: string): string => {
    const n = PLAIN.test(s) ? s.toLowerCase() : normaliseAlias(s);
    if (!n || seen.has(n)) return "";
    seen.add(n);
    return n;
  };
  let c: string;
  if ((c = fresh(id))) yield c;
  let s = normaliseAlias(id);
  // display names and run labels: "o3 (high)", "claude-opus-4-20250514 (32k thinking)", "DeepSeek R1"
  const bare = s.replace(/\s*\([^)]*\)\s*$/, "").trim();
  if (bare !== s && bare) {
    s = bare;
    if ((c = fresh(s))) yield c;
  }
  if (/\s/.test(s) && !s.includes("+")) {
    s = s.replace(/\s+/g, "-");
    if ((c = fresh(s))) yield c;
  }
  // reasoning effort or thinking budget appended to an id: o3-2025-04-16_high, claude-3-7-sonnet-20250219_32K
  if (/_(minimal|low|medium|high|xhigh|\d+k)$/.test(s)) {
    s = s.replace(/_(minimal|low|medium|high|xhigh|\d+k)$/, "");
    if ((c = fresh(s))) yield c;
  }
  // OpenRouter variants: ":free", ":beta", ":extended", ":thinking", ":nitro"
  s = s.replace(/:(free|beta|extended|thinking|nitro|floor|online|exacto)$/, "");
  if ((c = fresh(s))) yield c;
  // route prefixes, possibly stacked (openrouter/anthropic/claude-3-opus → anthropic/claude-3-opus)
  for (let i = 0; i < 3 && ROUTE_PREFIX.test(s); i++) {
    s = s.replace(ROUTE_PREFIX, "");
    if ((c = fresh(s))) yield c;
  }
  // fireworks: accounts/fireworks/models/<name>; cloudflare: @cf/<org>/<name>; bedrock: <region>/<id>
  s = s.replace(/^accounts\/[^/]+\/models\//, "").replace(/^@(cf|hf)\//, "").replace(/^[a-z]{2}(-gov)?-[a-z]+-\d\//, "");
  if ((c = fresh(s))) yield c;
  // a platform's own prefix on a hosted model: databricks-gpt-oss-120b, snowflake-llama-3.3-70b
  s = s.replace(/^(databricks|snowflake)-/, "");
  if ((c = fresh(s))) yield c;
  // bedrock: us.anthropic.claude-3-5-sonnet-20241022-v2:0 → claude-3-5-sonnet-20241022
  if (BEDROCK_REGION.test(s) || BEDROCK_VENDOR.test(s)) {
    s = s.replace(BEDROCK_REGION, "");
    if ((c = fresh(s))) yield c;
    s = s.replace(BEDROCK_VENDOR, "");
    if ((c = fresh(s))) yield c;
    s = s.replace(/-v\d+(:\d+)?$/, "").replace(/:\d+$/, "");
    if ((c = fresh(s))) yield c;
  }
  // vertex: claude-3-5-sonnet@20240620 → claude-3-5-sonnet-20240620; "@default", "@001" name no version
  if (s.includes("@")) {
    const [name, version] = s.split("@") as [string, string];
    if (/^\d{8}$/.test(version) && (c = fresh(`${name}-${version}`))) yield c;
    s = name;
    if ((c = fresh(s))) yield c;
  }
  // ollama tags and other ":variant" suffixes: deepseek-v3.1:671b-cloud
  if (/:[^/]+$/.test(s)) {
    s = s.replace(/:[^/]+$/, "");
    if ((c = fresh(s))) yield c;
  }
  s = s.replace(/-maas$/, "");
  if ((c = fresh(s))) yield c;
  // the last path segment: qwen/qwen3-235b-a22b → qwen3-235b-a22b
  const last = s.split("/").pop()!;
  if ((c = fresh(last))) yield c;
  // fireworks style versions: llama-v3p1-405b-instruct → llama-3.1-405b-instruct
  const dotted = last.replace(/v(\d+)p(\d+)/g, "$1.$2").replace(/(\d)p(\d)/g, "$1.$2");
  if ((c = fresh(dotted))) yield c;
  // trailing release tags that do not change the model
  for (const base of [last, dotted]) if ((c = fresh(base.replace(/-(latest|instruct-turbo|turbo|fp8|bf16|fp16|int4|awq|fp8-fast)$/, "")))) yield c;
  // spelling variants of one name, tried last: dashes for dots in versions (meta-llama-3-1-405b),
  // dots for dashes (claude-sonnet-4.5), a vendor word in front (meta-llama-3.1, openai-gpt-5),
  // a glued version (llama3.1-70b, qwen-3-14b)
  for (const base of [last, dotted]) {
    const unvendored = base.replace(/^(meta|openai|mistralai|google|anthropic|deepseek-ai|qwen|alibaba|amazon|xai)-(?=[a-z])/, "");
    if ((c = fresh(unvendored))) yield c;
    if ((c = fresh(unvendored.replace(/(\d)-(\d)(?=$|-)/g, "$1.$2")))) yield c;
    if ((c = fresh(unvendored.replace(/(\d)\.(\d)/g, "$1-$2")))) yield c;
    if ((c = fresh(unvendored.replace(/^(llama|qwen|gemma|phi|mistral|glm)(\d)/, "$1-$2")))) yield c;
    if ((c = fresh(unvendored.replace(/^qwen-(\d)/, "qwen$1")))) yield c;
  }
  // "-high" effort variants on leaderboards: gpt-5-mini-high → gpt-5-mini
  if ((c = fresh(last.replace(/-(minimal|low|medium|high|xhigh)$/, "")))) yield c;
  // claude-4-opus (some gateways) → claude-opus-4
  const claude = /^claude-(\d(?:[.-]\d)?)-(opus|sonnet|haiku)(.*)$/.exec(last);
  if (claude && (c = fresh(`claude-${claude[2]}-${claude[1]}${claude[3]}`))) yield c;
}

export function aliasCandidates(id: string): string[] {
  return [...aliasCandidatesLazy(id)];
}
