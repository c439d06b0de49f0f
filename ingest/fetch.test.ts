import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, serveFile, respond, sequence, hang, reset, truncated, huge, type FixtureServer } from "../lib/testing/fixture-server";
import { fetchPayload, FetchError, parseRetryAfter, USER_AGENT } from "./fetch";

const LITELLM = "../shared/data/litellm-prices/model_prices_and_context_window.2025-02-06.json";
let server: FixtureServer;
const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);

beforeAll(async () => {
  server = await startFixtureServer({
    "/litellm.json": serveFile(LITELLM),
    "/flaky": sequence(respond(500, "boom"), respond(503, "busy"), respond(200, '{"ok":true}', { "Content-Type": "application/json" })),
    "/always-500": respond(500, "down"),
    "/rate-limited": sequence(respond(429, "slow down", { "Retry-After": "7" }), respond(200, "{}")),
    "/rate-limited-long": respond(429, "slow down", { "Retry-After": "3600" }),
    "/not-found": respond(404, "nope"),
    "/hang": hang,
    "/reset": sequence(reset, respond(200, "[]")),
    "/always-reset": reset,
    "/truncated": truncated('{"data": [1, 2, 3'),
    "/huge": huge(50 * 1024 * 1024),
  });
});
afterAll(() => server.close());

describe("fetchPayload against a real HTTP server", () => {
  it("fetches the bytes with our User-Agent and keeps the validators", async () => {
    const r = await fetchPayload(server.url("/litellm.json"), { sleep });
    expect(r.status).toBe("ok");
    if (r.status !== "ok") return;
    expect(JSON.parse(r.bytes.toString("utf8"))).toHaveProperty("gpt-4o");
    expect(r.etag).toMatch(/^"/);
    expect(r.lastModified).toBeTruthy();
    expect(server.lastHeaders("/litellm.json")!["user-agent"]).toBe(USER_AGENT);
  });

  it("asks conditionally and accepts 304 Not Modified", async () => {
    const first = await fetchPayload(server.url("/litellm.json"), { sleep });
    if (first.status !== "ok") throw new Error("expected ok");
    const second = await fetchPayload(server.url("/litellm.json"), { sleep, etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe("not-modified");
    expect(server.lastHeaders("/litellm.json")!["if-none-match"]).toBe(first.etag);
  });

  it("retries 5xx with growing backoff and succeeds", async () => {
    sleeps.length = 0;
    const r = await fetchPayload(server.url("/flaky"), { sleep, backoffMs: 100 });
    expect(r.status).toBe("ok");
    expect(r.attempts).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it("gives up on a persistent 500 with the status in the message", async () => {
    await expect(fetchPayload(server.url("/always-500"), { sleep, retries: 2 })).rejects.toThrow(/answered 500.*after 3 attempts/);
  });

  it("waits the Retry-After of a 429, then succeeds", async () => {
    sleeps.length = 0;
    const r = await fetchPayload(server.url("/rate-limited"), { sleep });
    expect(r.status).toBe("ok");
    expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
    expect(sleeps[0]).toBeLessThan(7000 * 1.11);
  });

  it("refuses to wait an unreasonable Retry-After", async () => {
    await expect(fetchPayload(server.url("/rate-limited-long"), { sleep })).rejects.toMatchObject({ kind: "rate-limited" });
  });

  it("does not retry a 404", async () => {
    const before = server.hits("/not-found");
    await expect(fetchPayload(server.url("/not-found"), { sleep })).rejects.toMatchObject({ kind: "http", httpStatus: 404 });
    expect(server.hits("/not-found") - before).toBe(1);
  });

  it("times out a server that never answers, on every attempt", async () => {
    const before = server.hits("/hang");
    const err = await fetchPayload(server.url("/hang"), { sleep, timeoutMs: 200, retries: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.kind).toBe("timeout");
    expect(server.hits("/hang") - before).toBe(2);
  });

  it("retries after a connection reset", async () => {
    const r = await fetchPayload(server.url("/reset"), { sleep });
    expect(r.status).toBe("ok");
    await expect(fetchPayload(server.url("/always-reset"), { sleep, retries: 1 })).rejects.toMatchObject({ kind: "network" });
  });

  it("treats a body cut short by the server as a network failure", async () => {
    await expect(fetchPayload(server.url("/truncated"), { sleep, retries: 0 })).rejects.toMatchObject({ kind: "network" });
  });

  it("stops reading a 50 MB body at the size cap", async () => {
    const err = await fetchPayload(server.url("/huge"), { sleep, maxBytes: 5 * 1024 * 1024 }).catch((e) => e);
    expect(err).toMatchObject({ kind: "too-large" });
    expect(err.message).toMatch(/5242880-byte cap/);
    expect(err.attempts).toBe(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter("soon", 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});
