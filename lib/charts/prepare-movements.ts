/** One line per movement (release, price change, new leader, threshold crossing), for the overview's list. */
import type { Movement } from "../analytics/movements";
import { isoDay } from "../dates";
import { formatUsd } from "./series";

export interface MovementDto {
  kind: Movement["kind"];
  date: string;
  model: string;
  modelName: string;
  text: string;
}

const pct = (v: number | null) => (v === null ? "" : ` (${v > 0 ? "+" : ""}${v.toFixed(1)}%)`);

export function describeMovement(m: Movement): MovementDto {
  const base = { kind: m.kind, date: isoDay(m.date), model: m.model, modelName: m.modelName };
  switch (m.kind) {
    case "release":
      return { ...base, text: `${m.modelName} released by ${m.lab}${m.openWeights ? " with open weights" : ""}${m.reasoning ? " (reasoning)" : ""}` };
    case "price-change":
      return { ...base, text: `${m.modelName} on ${m.provider}: $${formatUsd(m.before.blended)} → $${formatUsd(m.after.blended)} per 1M tokens${pct(m.percentChange)}` };
    case "new-leader":
      return { ...base, text: `${m.modelName} leads ${m.benchmark} with ${m.score}${m.previous ? ` (was ${m.previous.modelName}, ${m.previous.score})` : ""}` };
    case "threshold-crossing":
      return { ...base, text: `${m.modelName}: first model under $${m.rule.maxPrice} with ${m.rule.benchmark} ≥ ${m.rule.minScore} ($${formatUsd(m.price)}, score ${m.score})` };
  }
}
