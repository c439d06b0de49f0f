import { describe, expect, it } from "vitest";
import { planHistory, planObservation, samePrice, toValidityWindows, type LedgerRow } from "./ledger";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const price = (input: number, output: number) => ({ input, output, cachedInput: null, cacheWrite: null, reasoning: null, perRequest: null });
const row = (id: number, from: string, to: string | null, input: number, output: number): LedgerRow => ({ id, validFrom: d(from), validTo: to ? d(to) : null, ...price(input, output) });

describe("toValidityWindows", () => {
  it("ends each price where the next one starts and the last at the end date", () => {
    const w = toValidityWindows([{ validFrom: d("2025-06-10"), ...price(2, 8) }, { validFrom: d("2025-04-16"), ...price(10, 40) }], d("2026-01-01"));
    expect(w.map((x) => [x.validFrom.toISOString().slice(0, 10), x.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["2025-04-16", "2025-06-10"],
      ["2025-06-10", "2026-01-01"],
    ]);
  });
  it("ends a window at its own end date, leaving a gap until the next price", () => {
    const w = toValidityWindows([{ validFrom: d("2025-01-01"), validUntil: d("2025-02-08"), ...price(0.14, 0.28) }, { validFrom: d("2025-03-01"), ...price(0.27, 1.1) }], null);
    expect(w.map((x) => x.validTo?.toISOString().slice(0, 10) ?? null)).toEqual(["2025-02-08", null]);
    expect(w[0]).not.toHaveProperty("validUntil");
  });
  it("leaves the last window open without an end date, and ignores an end before the start", () => {
    expect(toValidityWindows([{ validFrom: d("2025-01-01"), ...price(1, 2) }], null)[0]!.validTo).toBeNull();
    expect(toValidityWindows([{ validFrom: d("2025-01-01"), ...price(1, 2) }], d("2024-01-01"))[0]!.validTo).toBeNull();
  });
});

describe("planHistory", () => {
  it("writes nothing when the source repeats its history", () => {
    const current = [row(1, "2025-04-16", "2025-06-10", 10, 40), row(2, "2025-06-10", null, 2, 8)];
    const plan = planHistory(current, current.map(({ id: _id, ...r }) => r));
    expect(plan).toEqual({ insert: [], close: [], supersede: [], unchanged: 2 });
  });
  it("closes the open row and adds the new price when a later price appears", () => {
    const plan = planHistory([row(1, "2025-04-16", null, 10, 40)], [
      { validFrom: d("2025-04-16"), validTo: d("2025-06-10"), ...price(10, 40) },
      { validFrom: d("2025-06-10"), validTo: null, ...price(2, 8) },
    ]);
    expect(plan.close).toEqual([{ id: 1, validTo: d("2025-06-10") }]);
    expect(plan.insert).toHaveLength(1);
    expect(plan.insert[0]!.input).toBe(2);
    expect(plan.supersede).toEqual([]);
  });
  it("keeps a corrected price as history by superseding the old row", () => {
    const plan = planHistory([row(7, "2024-05-13", null, 5, 15)], [{ validFrom: d("2024-05-13"), validTo: null, ...price(5, 20) }]);
    expect(plan.supersede).toEqual([7]);
    expect(plan.insert[0]!.output).toBe(20);
  });
  it("supersedes rows whose start date the source no longer states", () => {
    const plan = planHistory([row(1, "2024-01-01", "2024-06-01", 1, 1), row(2, "2024-06-01", null, 2, 2)], [{ validFrom: d("2024-06-01"), validTo: null, ...price(2, 2) }]);
    expect(plan.supersede).toEqual([1]);
    expect(plan.unchanged).toBe(1);
  });
  it("treats prices equal to six decimals as the same", () => {
    expect(samePrice(price(0.1 + 0.2, 1), price(0.3, 1))).toBe(true);
    expect(samePrice(price(0.3, 1), price(0.300002, 1))).toBe(false);
    expect(samePrice({ ...price(1, 1), cachedInput: 0.5 }, price(1, 1))).toBe(false);
  });
});

describe("planObservation", () => {
  it("writes nothing for a repeated price", () => {
    expect(planObservation([row(1, "2025-01-01", null, 10, 40)], price(10, 40), d("2025-03-01"))).toEqual({ insert: [], close: [], supersede: [], unchanged: 1 });
  });
  it("closes the open row at the observation time and opens the new price", () => {
    const plan = planObservation([row(1, "2025-01-01", null, 10, 40)], price(2, 8), d("2025-06-10"));
    expect(plan.close).toEqual([{ id: 1, validTo: d("2025-06-10") }]);
    expect(plan.insert).toEqual([{ ...price(2, 8), validFrom: d("2025-06-10"), validTo: null }]);
  });
  it("opens the first row when the ledger is empty", () => {
    expect(planObservation([], price(1, 2), d("2025-01-01")).insert).toHaveLength(1);
  });
  it("corrects the open row instead of opening an empty window when observed at its start", () => {
    const plan = planObservation([row(3, "2025-01-01", null, 1, 2)], price(1, 3), d("2025-01-01"));
    expect(plan.supersede).toEqual([3]);
    expect(plan.close).toEqual([]);
  });
});
