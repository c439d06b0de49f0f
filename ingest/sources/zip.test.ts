import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { zip } from "../../lib/testing/zip";
import { isZip, listZipMembers, readZipMember } from "./zip";

const csv = readFileSync("../shared/data/epoch-ai/epoch_capabilities_index.2026-03-10.csv");

describe("readZipMember", () => {
  const archive = zip([{ name: "README.txt", data: Buffer.from("hello") }, { name: "benchmark_data/epoch_capabilities_index.csv", data: csv, deflate: true }]);
  it("finds a deflated member by its base name and returns its exact bytes", () => {
    expect(isZip(archive)).toBe(true);
    expect(listZipMembers(archive).map((m) => m.name)).toEqual(["README.txt", "benchmark_data/epoch_capabilities_index.csv"]);
    expect(Buffer.compare(readZipMember(archive, "epoch_capabilities_index.csv"), csv)).toBe(0);
    expect(readZipMember(archive, "README.txt").toString()).toBe("hello");
  });
  it("says which members exist when the one asked for is missing", () => {
    expect(() => readZipMember(archive, "nope.csv")).toThrow(/has no nope.csv \(members: README.txt/);
  });
  it("refuses a truncated archive and a member that claims to expand past the cap", () => {
    expect(() => readZipMember(archive.subarray(0, archive.length - 30), "README.txt")).toThrow(/truncated|corrupt/);
    const bomb = zip([{ name: "bomb.csv", data: Buffer.alloc(1000), deflate: true, declaredSize: 2 ** 31 }]);
    expect(() => readZipMember(bomb, "bomb.csv")).toThrow(/over the \d+-byte cap/);
  });
});
