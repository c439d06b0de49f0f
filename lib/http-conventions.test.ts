import { describe, expect, it } from "vitest";
import { formatFromAccept, ifNoneMatchHits, nextLink, strongEtag } from "./http-conventions";

describe("HTTP conventions", () => {
  it("gives the same bytes the same strong ETag and different bytes another", () => {
    expect(strongEtag("abc")).toBe(strongEtag("abc"));
    expect(strongEtag("abc")).not.toBe(strongEtag("abd"));
    expect(strongEtag("abc")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it("matches If-None-Match by weak comparison, in a list, or *", () => {
    const tag = strongEtag("x");
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(null, tag)).toBe(false);
    expect(ifNoneMatchHits("garbage", tag)).toBe(false);
  });

  it("answers CSV only when text/csv is asked for and JSON is not preferred", () => {
    expect(formatFromAccept(null)).toBe("json");
    expect(formatFromAccept("*/*")).toBe("json");
    expect(formatFromAccept("text/csv")).toBe("csv");
    expect(formatFromAccept("text/csv, application/json;q=0.5")).toBe("csv");
    expect(formatFromAccept("application/json, text/csv;q=0.5")).toBe("json");
    expect(formatFromAccept("text/csv;q=0")).toBe("json");
    expect(formatFromAccept("text/html,application/xhtml+xml,*/*;q=0.8")).toBe("json");
    expect(formatFromAccept("text/csv;q=abc")).toBe("json");
  });

  it("links the next page with the same parameters and the new cursor", () => {
    const link = nextLink("http://x.test/", "/api/v1/models", new URLSearchParams("lab=meta&cursor=old&limit=2"), "bmV4dA");
    expect(link).toBe('<http://x.test/api/v1/models?lab=meta&cursor=bmV4dA&limit=2>; rel="next"');
  });
});
