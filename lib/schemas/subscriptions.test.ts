import { describe, expect, it } from "vitest";
import { subscribeBody } from "./subscriptions";

const issues = (input: unknown) => {
  const r = subscribeBody.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the subscribe form's input", () => {
  it("normalises the address and fills the default preferences", () => {
    expect(subscribeBody.parse({ email: "  Ana@Example.ORG " })).toEqual({ email: "ana@example.org", labs: [], topics: ["prices", "releases", "benchmarks", "open-vs-proprietary"] });
  });

  it("refuses header injection in the address, naming the field", () => {
    for (const email of ["a@b.co\r\nBcc: victim@x.org", "a@b.co\nSubject: hi", "a@b.co%0d%0aBcc:x@y.z", "a@b.co\u0000"]) {
      expect(issues({ email }).some((m) => m.startsWith("email:")), email).toBe(true);
    }
  });

  it("refuses what is not an address, and odd fields", () => {
    expect(issues({ email: "not-an-address" })).toEqual(["email: not a valid email address"]);
    expect(issues({ email: "a".repeat(250) + "@b.co" })[0]).toMatch(/^email: at most 254/);
    expect(issues({ email: 42 })[0]).toMatch(/^email:/);
    expect(issues({ email: "a@b.co", topics: ["gossip"] })[0]).toMatch(/^topics\.0:/);
    expect(issues({ email: "a@b.co", topics: [] })).toEqual(["topics: choose at least one topic"]);
    expect(issues({ email: "a@b.co", labs: ["Robert'); DROP TABLE labs;--"] })[0]).toMatch(/^labs\.0:/);
    expect(issues({ email: "a@b.co", admin: true })[0]).toMatch(/admin/);
  });
});
