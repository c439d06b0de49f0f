import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../lib/testing/db";
import { runSource, type RunResult } from "./run-source";

const { pool } = useTestDatabase();
let openrouter: RunResult;
let litellm: RunResult;

beforeAll(async () => {
  await runSource(pool(), "curated", "test");
  openrouter = await runSource(pool(), "openrouter", "test", { fromFile: "../shared/data/openrouter-models/openrouter-models.2026-05-01.json" });
  litellm = await runSource(pool(), "litellm", "test", { fromFile: "../shared/data/litellm-prices/model_prices_and_context_window.2026-07-24.json" });
}, 180_000);

describe("entity resolution on the recorded OpenRouter and LiteLLM copies", () => {
  it("resolves at least 95% of OpenRouter's chat-model rows to a model of the right lab", () => {
    expect(openrouter.matchRate, openrouter.message).toBeGreaterThanOrEqual(0.95);
  });
  it("resolves at least 95% of LiteLLM's chat-model price rows", () => {
    expect(litellm.matchRate, litellm.message).toBeGreaterThanOrEqual(0.95);
  });
  it("never gives a model of one lab an id whose organisation names another", async () => {
    // OpenRouter ids are "<organisation>/<model>": every resolved offering must agree with its prefix
    const r = await pool().query<{ provider_model_id: string; lab: string }>(
      `SELECT o.provider_model_id, l.slug AS lab FROM offerings o JOIN models m ON m.id = o.model_id JOIN labs l ON l.id = m.lab_id
       JOIN providers p ON p.id = o.provider_id WHERE p.slug = 'openrouter' AND o.provider_model_id LIKE '%/%'`,
    );
    const { labOfPrefixedId } = await import("../lib/lab-orgs");
    const wrong = r.rows.filter((x) => {
      const expected = labOfPrefixedId(x.provider_model_id);
      return expected !== undefined && expected !== x.lab;
    });
    expect(wrong).toEqual([]);
    expect(r.rows.length).toBeGreaterThan(200);
  });
});
