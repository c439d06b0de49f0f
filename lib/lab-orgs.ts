/**
 * The organisation names sources put in front of model ids (OpenRouter authors, Hugging Face orgs)
 * and the lab each one means. Used to check that an id resolves to a model of the right lab.
 */
export const ORG_TO_LAB: Record<string, string> = {
  openai: "openai", anthropic: "anthropic", google: "google", "google-deepmind": "google", "meta-llama": "meta", meta: "meta", facebook: "meta",
  mistralai: "mistral", mistral: "mistral", deepseek: "deepseek", "deepseek-ai": "deepseek", qwen: "alibaba", alibaba: "alibaba",
  "x-ai": "xai", xai: "xai", moonshotai: "moonshot", moonshot: "moonshot", "z-ai": "zhipu", "zai-org": "zhipu", thudm: "zhipu", zhipuai: "zhipu",
  minimax: "minimax", minimaxai: "minimax", cohere: "cohere", coherelabs: "cohere", cohereforai: "cohere", ai21: "ai21", ai21labs: "ai21",
  microsoft: "microsoft", amazon: "amazon", nvidia: "nvidia", "ibm-granite": "ibm", ibm: "ibm", "01-ai": "01-ai", baidu: "baidu", tencent: "tencent",
  bytedance: "bytedance", "bytedance-seed": "bytedance", stepfun: "stepfun", "stepfun-ai": "stepfun", baichuan: "baichuan", "baichuan-inc": "baichuan",
  xiaomi: "xiaomi", xiaomimimo: "xiaomi", meituan: "meituan", "meituan-longcat": "meituan", "internlm": "shanghai-ai-lab", "shanghai-ai-lab": "shanghai-ai-lab",
  "inclusionai": "ant-group", "ant-group": "ant-group", rekaai: "reka", reka: "reka", inflection: "inflection", databricks: "databricks", snowflake: "snowflake",
  allenai: "allen-ai", tiiuae: "tii", stabilityai: "stability", huggingfaceh4: "hugging-face", huggingfacetb: "hugging-face", nousresearch: "nous-research",
  perplexity: "perplexity", liquid: "liquid", liquidai: "liquid", upstage: "upstage", lgai: "lg-ai", "lgai-exaone": "lg-ai", sakanaai: "sakana", writer: "writer",
  bigcode: "bigcode", "arcee-ai": "arcee", "swiss-ai": "swiss-ai", inception: "inception", codellama: "meta",
  deepcogito: "deep-cogito", "prime-intellect": "prime-intellect", primeintellect: "prime-intellect", tngtech: "tng", kwaipilot: "kuaishou",
  essentialai: "essential-ai", poolside: "poolside",
  gryphe: "gryphe", sao10k: "sao10k", thedrummer: "thedrummer", undi95: "undi95", alpindale: "alpindale", "anthracite-org": "anthracite",
  cognitivecomputations: "cognitive-computations", mancer: "mancer", alfredpros: "alfredpros",
  teknium: "teknium", "open-orca": "open-orca", openchat: "openchat", eleutherai: "eleutherai", core42: "g42", inceptionai: "g42", sdaia: "sdaia",
  sarvamai: "sarvam", aisingapore: "ai-singapore", phind: "phind", liuhaotian: "llava", "llava-hf": "llava", morph: "morph", relace: "relace",
  bigscience: "hugging-face", paddlepaddle: "baidu",
};

/** The lab an id's organisation prefix names, if any ("meta-llama/Llama-3.1-8B" → "meta"). */
export function labOfPrefixedId(id: string): string | undefined {
  const parts = id.toLowerCase().split("/");
  if (parts.length < 2) return undefined;
  return ORG_TO_LAB[parts[parts.length - 2]!];
}
