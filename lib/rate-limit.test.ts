import { describe, expect, it } from "vitest";
import { apiKeyOf, generateApiKey, hashApiKey, hashesEqual } from "./api-keys";
import { clientAddress, rateLimitHeaders, rateLimitState } from "./rate-limit";

describe("rate-limit headers", () => {
  it("counts down within the window and refuses past the limit with Retry-After", () => {
    expect(rateLimitHeaders(rateLimitState(1, 5, 42.2, 60))).toEqual({ "RateLimit-Limit": "5", "RateLimit-Remaining": "4", "RateLimit-Reset": "43", "RateLimit-Policy": "5;w=60" });
    const last = rateLimitState(5, 5, 10, 60);
    expect(last.allowed).toBe(true);
    expect(rateLimitHeaders(last)["RateLimit-Remaining"]).toBe("0");
    const over = rateLimitState(6, 5, 0.2, 60);
    expect(over.allowed).toBe(false);
    expect(rateLimitHeaders(over)).toMatchObject({ "RateLimit-Remaining": "0", "Retry-After": "1", "RateLimit-Reset": "1" });
  });

  it("takes the anonymous client's address from the entry the nearest proxy wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("API keys", () => {
  it("are 256-bit secrets with a 12-character prefix and a sha256 hash", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("compares hashes whole, and never equal to a malformed one", () => {
    const { hash } = generateApiKey();
    expect(hashesEqual(hash, hash)).toBe(true);
    expect(hashesEqual(hashApiKey("fw_other"), hash)).toBe(false);
    expect(hashesEqual("abc", hash)).toBe(false);
    expect(hashesEqual("", "")).toBe(false);
  });

  it("reads the key from a bearer token or X-API-Key", () => {
    expect(apiKeyOf(new Headers({ authorization: "Bearer fw_abc" }))).toBe("fw_abc");
    expect(apiKeyOf(new Headers({ "x-api-key": " fw_xyz " }))).toBe("fw_xyz");
    expect(apiKeyOf(new Headers({ authorization: "Basic Zm9v" }))).toBe(null);
    expect(apiKeyOf(new Headers())).toBe(null);
  });
});
