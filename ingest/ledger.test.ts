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

describe("planObservation with observations older than the ledger (backfill)", () => {
  it("fills the time before the first row, up to it", () => {
    const plan = planObservation([row(1, "2026-07-24", null, 2.5, 10)], price(5, 15), d("2024-06-06"));
    expect(plan.insert).toEqual([{ ...price(5, 15), validFrom: d("2024-06-06"), validTo: d("2026-07-24") }]);
    expect(plan.close).toEqual([]);
  });
  it("splits a row with another price at the observation", () => {
    const plan = planObservation([row(1, "2024-06-06", "2026-07-24", 5, 15), row(2, "2026-07-24", null, 2.5, 10)], price(2.5, 10), d("2025-02-06"));
    // [2024-06-06, 2025-02-06) stays 5/15; 2.5/10 from 2025-02-06 merges with the open row
    expect(plan.close).toEqual([{ id: 1, validTo: d("2025-02-06") }]);
    expect(plan.supersede).toEqual([2]);
    expect(plan.insert).toEqual([{ ...price(2.5, 10), validFrom: d("2025-02-06"), validTo: null }]);
  });
  it("writes nothing for an old observation of the price that applied then", () => {
    expect(planObservation([row(1, "2024-06-06", null, 5, 15)], price(5, 15), d("2024-10-30")).unchanged).toBe(1);
  });
  it("extends the row before a gap instead of repeating its price", () => {
    const plan = planObservation([row(1, "2024-01-01", "2024-06-01", 1, 2)], price(1, 2), d("2024-06-01"));
    expect(plan).toEqual({ insert: [], close: [{ id: 1, validTo: null }], supersede: [], unchanged: 0 });
  });
  it("never leaves two adjacent rows with one price (property, seeded)", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      let rows: LedgerRow[] = [];
      let nextId = 1;
      for (let k = 0; k < 6; k++) {
        const at = d(`202${Math.floor(rand() * 5)}-0${1 + Math.floor(rand() * 9)}-01`);
        const p = price(1 + Math.floor(rand() * 3), 2);
        const plan = planObservation(rows, p, at);
        rows = rows.filter((r) => !plan.supersede.includes(r.id)).map((r) => { const c = plan.close.find((x) => x.id === r.id); return c ? { ...r, validTo: c.validTo } : r; });
        for (const ins of plan.insert) rows.push({ id: nextId++, ...ins, cachedInput: null, cacheWrite: null, reasoning: null, perRequest: null } as LedgerRow);
        rows.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
        for (let i = 1; i < rows.length; i++) {
          const prev = rows[i - 1]!;
          expect(prev.validTo === null || prev.validTo.getTime() <= rows[i]!.validFrom.getTime(), "no overlap").toBe(true);
          if (prev.validTo && prev.validTo.getTime() === rows[i]!.validFrom.getTime()) expect(samePrice(prev, rows[i]!), "adjacent rows repeat a price").toBe(false);
        }
        expect(rows.filter((r) => r.validTo === null).length).toBeLessThanOrEqual(1);
      }
    }
  });
});
