import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./signing";

const SECRET = "s".repeat(40);
const now = new Date("2026-01-01T00:00:00Z");
const claims = { purpose: "confirm" as const, subscriberId: 42, version: 3, expiresAt: Math.floor(now.getTime() / 1000) + 3600 };

describe("signed subscription links", () => {
  it("verifies a token it signed, with its claims", () => {
    expect(verifyToken(SECRET, signToken(SECRET, claims), "confirm", now)).toEqual({ ok: true, claims });
  });

  it("refuses a token signed with another key, or edited", () => {
    expect(verifyToken(SECRET, signToken("x".repeat(40), claims), "confirm", now)).toEqual({ ok: false, reason: "forged" });
    const [body, sig] = signToken(SECRET, claims).split(".");
    const other = Buffer.from(JSON.stringify({ p: "confirm", s: 43, v: 3, e: claims.expiresAt })).toString("base64url");
    expect(verifyToken(SECRET, `${other}.${sig}`, "confirm", now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyToken(SECRET, `${body}.${sig!.slice(0, -2)}`, "confirm", now)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses an expired token, and one for another purpose", () => {
    const t = signToken(SECRET, claims);
    expect(verifyToken(SECRET, t, "confirm", new Date((claims.expiresAt + 1) * 1000))).toEqual({ ok: false, reason: "expired" });
    expect(verifyToken(SECRET, t, "unsubscribe", now)).toEqual({ ok: false, reason: "wrong-purpose" });
    expect(verifyToken(SECRET, signToken(SECRET, { ...claims, purpose: "manage" }), ["unsubscribe", "manage"], now).ok).toBe(true);
  });

  it("refuses malformed input of any kind without throwing", () => {
    for (const bad of ["", "abc", "a.b.c", "x".repeat(600), "ä.ö", "<script>.x", "a. b", "' OR 1=1 --.x"]) {
      expect(verifyToken(SECRET, bad, "confirm", now).ok, bad).toBe(false);
    }
    // a correctly signed body that is not our claims
    const body = Buffer.from(JSON.stringify({ p: "confirm", s: "42", v: 3, e: 1 })).toString("base64url");
    const sig = createHmac("sha256", SECRET).update(body).digest("base64url");
    expect(verifyToken(SECRET, `${body}.${sig}`, "confirm", now)).toEqual({ ok: false, reason: "malformed" });
  });
});
