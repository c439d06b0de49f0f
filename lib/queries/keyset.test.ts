import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, orderByKey, seekCondition, toPage, type SortKey } from "./keyset";

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const rejects = (cursor: string, sort = "-valid_from", type: SortKey["type"] = "timestamptz") => {
  try {
    decodeCursor(cursor, sort, type);
  } catch (e) {
    return (e as { code: string; details: { field: string }[] }).code === "invalid_request" && (e as { details: { field: string }[] }).details[0]!.field === "cursor";
  }
  return false;
};

describe("keyset cursors", () => {
  it("decode to the position they were made from, for every key type", () => {
    expect(decodeCursor(encodeCursor("-valid_from", "2025-02-08T00:00:00.000Z", 42), "-valid_from", "timestamptz")).toEqual({ value: "2025-02-08T00:00:00.000Z", id: 42 });
    expect(decodeCursor(encodeCursor("name", 'Qwen "2.5", 72B — 通义', 7), "name", "text")).toEqual({ value: 'Qwen "2.5", 72B — 通义', id: 7 });
    expect(decodeCursor(encodeCursor("-models", 0, 1), "-models", "int")).toEqual({ value: 0, id: 1 });
    expect(decodeCursor(encodeCursor("score", 0.1 + 0.2, 9), "score", "float")).toEqual({ value: 0.30000000000000004, id: 9 });
    expect(decodeCursor(encodeCursor("-latest_release", "0001-01-01", 3), "-latest_release", "date")).toEqual({ value: "0001-01-01", id: 3 });
  });

  it("belong to the sort they were made for", () => {
    expect(rejects(encodeCursor("valid_from", "2025-02-08T00:00:00.000Z", 42))).toBe(true);
  });

  it("refuse anything forged or truncated before it can reach SQL", () => {
    const good = encodeCursor("-valid_from", "2025-02-08T00:00:00.000Z", 42);
    expect(rejects(good.slice(0, -3))).toBe(true);
    expect(rejects("bm90IGpzb24")).toBe(true); // "not json"
    expect(rejects(forge({ sort: "-valid_from" }))).toBe(true);
    expect(rejects(forge(["-valid_from", "2025-02-08T00:00:00.000Z", 0]))).toBe(true);
    expect(rejects(forge(["-valid_from", "2025-02-08T00:00:00.000Z", 1.5]))).toBe(true);
    expect(rejects(forge(["-valid_from", "2025-02-08T00:00:00.000Z", 2 ** 60]))).toBe(true);
    expect(rejects(forge(["-valid_from", "2025-02-30T00:00:00.000Z", 1]))).toBe(true);
    expect(rejects(forge(["-valid_from", "0000-01-01T00:00:00.000Z", 1]))).toBe(true);
    expect(rejects(forge(["-valid_from", "'; DROP TABLE price_points; --", 1]))).toBe(true);
    expect(rejects(forge(["-valid_from", 1738972800000, 1]))).toBe(true);
    expect(rejects(forge(["d", "0000-12-31", 1]), "d", "date")).toBe(true);
    expect(rejects(forge(["d", "2025-13-01", 1]), "d", "date")).toBe(true);
    expect(rejects(forge(["n", "a\u0000b", 1]), "n", "text")).toBe(true);
    expect(rejects(forge(["n", "x".repeat(401), 1]), "n", "text")).toBe(true);
    expect(rejects(forge(["m", "12", 1]), "m", "int")).toBe(true);
    expect(rejects(forge(["m", 1.5, 1]), "m", "int")).toBe(true);
    expect(rejects(forge(["s", "1", 1]), "s", "float")).toBe(true);
  });
});

describe("the seek condition and order", () => {
  const key: SortKey = { expr: "pp.valid_from", type: "timestamptz", desc: true, id: "pp.id" };

  it("compares (key, id) as a row in the sort's direction, with typed parameters", () => {
    const params: unknown[] = ["earlier"];
    expect(seekCondition(key, { value: "2025-01-01T00:00:00.000Z", id: 5 }, params)).toBe("(pp.valid_from, pp.id) < ($2::timestamptz, $3::int8)");
    expect(params).toEqual(["earlier", "2025-01-01T00:00:00.000Z", 5]);
    expect(seekCondition({ ...key, desc: false }, { value: "2025-01-01T00:00:00.000Z", id: 5 }, [])).toBe("(pp.valid_from, pp.id) > ($1::timestamptz, $2::int8)");
    expect(orderByKey(key)).toBe("pp.valid_from DESC, pp.id DESC");
  });

  it("seeks on the id alone when the id is the sort", () => {
    const byId: SortKey = { expr: "pp.id", type: "int", desc: false, id: "pp.id" };
    const params: unknown[] = [];
    expect(seekCondition(byId, { value: 10, id: 10 }, params)).toBe("pp.id > $1::int8");
    expect(params).toEqual([10]);
    expect(orderByKey(byId)).toBe("pp.id ASC");
  });

  it("starts at the beginning without a cursor", () => {
    const params: unknown[] = [];
    expect(seekCondition(key, null, params)).toBe("TRUE");
    expect(params).toEqual([]);
  });
});

describe("toPage", () => {
  const key: SortKey = { expr: "r.measured_on", type: "date", desc: true, id: "r.id" };
  const rows = [3, 2, 1].map((id) => ({ id, sort_value: new Date(`2025-01-0${id}T00:00:00Z`), sort_id: id }));

  it("gives a cursor after the last row shown when the extra row proves a next page", () => {
    const page = toPage(rows, 2, "-measured", key, (r) => r.id);
    expect(page.data).toEqual([3, 2]);
    expect(decodeCursor(page.nextCursor!, "-measured", "date")).toEqual({ value: "2025-01-02", id: 2 });
  });

  it("gives no cursor on the last page", () => {
    expect(toPage(rows, 3, "-measured", key, (r) => r.id)).toEqual({ data: [3, 2, 1], nextCursor: null });
    expect(toPage([], 3, "-measured", key, (r: (typeof rows)[number]) => r.id)).toEqual({ data: [], nextCursor: null });
  });
});
