/**
 * Capability levels offered by the overview, trends and open-vs-proprietary pages. A plain module
 * (no zod): server and client components both read it.
 */
export const CAPABILITY_LEVELS = [
  { id: "gpt-3.5", label: "GPT-3.5 level (MMLU ≥ 64.8)", benchmark: "mmlu", threshold: 64.8 },
  { id: "gpt-4", label: "GPT-4 level (MMLU ≥ 86.4)", benchmark: "mmlu", threshold: 86.4 },
  { id: "gpqa-50", label: "GPQA Diamond ≥ 50", benchmark: "gpqa-diamond", threshold: 50 },
  { id: "gpqa-70", label: "GPQA Diamond ≥ 70", benchmark: "gpqa-diamond", threshold: 70 },
] as const;
export type CapabilityLevelId = (typeof CAPABILITY_LEVELS)[number]["id"];
