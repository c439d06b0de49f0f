/**
 * The public API's conventions against the real server: every endpoint's responses validated
 * against /api/v1/openapi.json (ajv, JSON Schema 2020-12), every parameter fuzzed, ETag/304, CORS,
 * CSV that parses and matches the JSON, metrics and the docs page. Paginated lists: api-lists.spec.ts.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { startSmtpCapture } from "../lib/testing/smtp-capture";
import { SMTP_PORT } from "./support/ports";

type Json = Record<string, unknown>;
interface Operation { parameters: { name: string; in: "query" | "path"; schema: Json }[]; responses: Record<string, { content?: Record<string, { schema: Json }> }> }
interface OpenApi { openapi: string; paths: Record<string, { get?: Operation; post?: Operation }>; components: { schemas: Record<string, Json> } }

/**
 * Requests whose real answers are checked against the document: at least one per endpoint, keyed by
 * the documented path. A templated path's samples name their path parameters: `slug=deepseek-v3|as_of=…`.
 */
const SAMPLES: Record<string, string[]> = {
  "/api/v1/models": ["", "limit=5", "lab=deepseek&open=true&sort=released", "reasoning=true&released_after=2025-01-01&limit=3"],
  "/api/v1/models/{slug}": ["slug=deepseek-v3|", "slug=gpt-4o-2024-08-06|", "slug=claude-3-opus-20240229|", "slug=qwen2.5-72b-instruct|"],
  "/api/v1/models/{slug}/prices": ["slug=deepseek-v3|", "slug=deepseek-v3|as_of=2025-02-01", "slug=gpt-4o-2024-08-06|tier=standard&sort=valid_from", "slug=qwen2.5-72b-instruct|provider=openrouter&from=2026-01-01&to=2026-12-31&include_superseded=true", "slug=claude-3-opus-20240229|sort=-id&limit=1"],
  "/api/v1/labs": ["", "has_open=true&sort=-models", "country=CN&limit=5", "min_open_share=0.5&kind=startup&sort=-latest_release", "q=mistral"],
  "/api/v1/providers": ["", "hardware=lpu", "trains_on_prompts=false&zero_data_retention=true", "country=US&sort=-models&limit=3", "region=eu&kind=hyperscaler"],
  "/api/v1/offerings": ["", "open=true&hardware=lpu", "model=deepseek-v3", "provider=groq&sort=-first_seen", "first_party=false&provider_kind=hyperscaler&limit=20"],
  "/api/v1/prices": ["", "as_of=2025-06-01&tier=standard", "model=deepseek-v3&source=curated", "provider=openai&from=2024-01-01&to=2025-01-01&sort=valid_from", "sort=id&limit=200"],
  "/api/v1/benchmarks": ["", "category=reasoning", "sort=-results&limit=3"],
  "/api/v1/results": ["", "benchmark=gpqa-diamond&sort=-score", "model=deepseek-v3", "lab=openai&since=2025-01-01&limit=100"],
  "/api/v1/news": ["", "lab=deepseek", "since=2025-01-01&sort=published"],
  "/api/v1/frontier": ["axis=gpqa-diamond&date=2025-06-01", "axis=mmlu&date=2024-06-01&open=true&pareto_only=true", "axis=fw-ci-v1&date=2025-01-01&mode=median&mix=1:1", "axis=mmlu&date=2019-01-01"],
  "/api/v1/trends/price-at-capability": ["benchmark=gpqa-diamond&threshold=50", "benchmark=mmlu&threshold_model=gpt-4-0314&from=2023-01-01&to=2025-06-01", "benchmark=mmlu&threshold=99.9", "benchmark=gpqa-diamond&threshold=40&include_reasoning=true&mode=first-party"],
  "/api/v1/trends/cheapest": ["", "benchmark=gpqa-diamond&threshold=50&from=2024-01-01&to=2025-01-01"],
  "/api/v1/gap": ["benchmarks=arena-elo,gpqa-diamond&from=2024-01-01&to=2025-06-30", "from=2025-01-01&to=2025-03-01"],
  "/api/v1/movements": ["", "from=2025-01-01&to=2025-02-01", "from=2024-01-01&to=2025-01-01", "from=2024-01-01&to=2026-01-01&kind=price-change,new-leader&sort=-date&limit=7"],
  "/api/v1/sources": [""],
  "/api/v1/runs": ["", "source=curated", "status=failed", "limit=1"],
};
/** Where the rows of an endpoint's CSV form are in its JSON ("" : the body itself is the one row). */
const CSV_ROWS: Record<string, string> = { "/api/v1/trends/price-at-capability": "points", "/api/v1/trends/cheapest": "points", "/api/v1/models/{slug}": "" };

let doc: OpenApi;
let ajv: Ajv2020;

test.beforeAll(async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  doc = await res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: doc.components }, "openapi");
});

/** A sample as a URL: path parameters filled in (encoded), then the query. */
function url(path: string, sample: string): string {
  const [params, query] = sample.includes("|") ? (sample.split("|", 2) as [string, string]) : ["", sample];
  const values = new URLSearchParams(params);
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values.get(name) ?? ""));
  return query ? `${filled}?${query}` : filled;
}
/** A query on a path, with the path parameters of the path's first sample when it has some. */
function withPath(path: string, query: string): string {
  const first = SAMPLES[path]![0]!;
  return first.includes("|") ? `${first.split("|")[0]}|${query}` : query;
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function validateAgainst(schema: Json, body: unknown, context: string): void {
  const ref = typeof schema.$ref === "string" ? { $ref: `openapi${schema.$ref}` } : schema;
  const validate = ajv.compile(ref);
  const ok = validate(body);
  expect(ok, `${context}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
}

function responseSchema(path: string, status: number, method: "get" | "post" = "get"): Json {
  const op = doc.paths[path]?.[method];
  expect(op, `${method} ${path} in the document`).toBeTruthy();
  const schema = op!.responses[String(status)]?.content?.["application/json"]?.schema;
  expect(schema, `${method} ${path} documents a ${status} JSON response`).toBeTruthy();
  return schema!;
}

async function expectErrorShape(res: APIResponse, context: string): Promise<Json> {
  const body = await res.json().catch(() => null);
  expect(body, `${context}: JSON body`).toBeTruthy();
  validateAgainst({ $ref: "#/components/schemas/Error" }, body, `${context} error shape`);
  return body as Json;
}

// --- contract ---------------------------------------------------------------------------------

test("the document is OpenAPI 3.1 and every GET path in it has samples here", async () => {
  expect(doc.openapi).toBe("3.1.0");
  const gets = Object.entries(doc.paths).filter(([, p]) => p.get).map(([path]) => path);
  expect(gets.sort()).toEqual(Object.keys(SAMPLES).sort());
});

for (const [path, queries] of Object.entries(SAMPLES)) {
  test(`contract: ${path} answers what the document says`, async ({ request }) => {
    for (const q of queries) {
      const res = await request.get(url(path, q));
      expect(res.status(), url(path, q)).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/json");
      validateAgainst(responseSchema(path, 200), await res.json(), url(path, q));
    }
  });
}

test("contract: errors (400, 404, 401) have the documented shape", async ({ request }) => {
  const cases = [
    ["/api/v1/frontier?axis=no-such-bench", 404], ["/api/v1/models?limit=0", 400], ["/api/v1/runs?status=exploded", 400], ["/api/v1/nowhere", 404],
    ["/api/v1/models/no-such-model", 404, "slug"], ["/api/v1/models/Not_A_Slug", 400, "slug"], ["/api/v1/models/no-such-model/prices", 404, "slug"],
    ["/api/v1/models/deepseek-v3/no-such-thing", 404], ["/api/v1/prices?model=no-such-model", 404, "model"], ["/api/v1/prices?source=no-such-source", 404, "source"],
    ["/api/v1/results?benchmark=no-such-bench", 404, "benchmark"], ["/api/v1/news?lab=no-such-lab", 404, "lab"], ["/api/v1/offerings?provider=no-such-host", 404, "provider"],
    ["/api/v1/labs?min_open_share=2", 400, "min_open_share"], ["/api/v1/prices?as_of=2025-01-01&from=2024-01-01", 400, "as_of"], ["/api/v1/prices?from=2025-02-01&to=2025-01-01", 400, "from"],
  ] as const;
  for (const [u, status, field] of cases) {
    const res = await request.get(u);
    expect(res.status(), u).toBe(status);
    const body = await expectErrorShape(res, u);
    if (field) expect((body.error as { details: { field: string }[] }).details.map((d) => d.field), u).toContain(field);
  }
  const res = await request.get("/api/v1/models", { headers: { Authorization: "Bearer fw_not-a-real-key" } });
  expect(res.status()).toBe(401);
  expect((await expectErrorShape(res, "bad key")).error).toMatchObject({ code: "unauthorized" });
});

// --- fuzz -------------------------------------------------------------------------------------

const BAD_VALUES = [
  "abc", "-1", "0", "1.5", "99999999999999999999", "1e309", "NaN", "-Infinity", "", " ", "true",
  "💥☃️\u202e", "\u0000", "' OR 1=1; --", "'; DROP TABLE models; --", "x".repeat(10_000), "../../etc/passwd", "<script>alert(1)</script>",
  "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "%", "a,b,,c", "3:0", "0:0",
];

/** True when the document says the value is valid for the parameter (query strings coerced, as the server does). */
function documentAccepts(schema: Json, value: string): boolean {
  const v = new Ajv2020({ strict: false, coerceTypes: true }).compile({ type: "object", properties: { v: schema } });
  return v({ v: value });
}

for (const path of Object.keys(SAMPLES)) {
  test(`fuzz: every parameter of ${path} answers bad input with a 4xx in the error shape, never a 500`, async ({ request }) => {
    test.setTimeout(240_000);
    const params = doc.paths[path]!.get!.parameters;
    for (const p of params) {
      // an empty path segment is another URL (the list, or a redirect to it), not a value of the parameter
      for (const value of p.in === "path" ? BAD_VALUES.filter((v) => v !== "") : BAD_VALUES) {
        const q = new URLSearchParams({ [p.name]: value }).toString();
        const res = await request.get(p.in === "path" ? url(path, `${q}|`) : url(path, withPath(path, q)));
        const ctx = `${path}?${p.name}=${JSON.stringify(value.slice(0, 40))}`;
        expect(res.status(), ctx).toBeLessThan(500);
        if (res.status() >= 400) {
          const body = await expectErrorShape(res, ctx);
          if (res.status() === 400) expect((body.error as { details: unknown[] }).details.length, ctx).toBeGreaterThan(0);
        } else if (res.headers()["content-type"]?.includes("application/json")) {
          validateAgainst(responseSchema(path, 200), await res.json(), ctx);
        }
        if (!documentAccepts(p.schema, value)) {
          expect(res.status(), `${ctx} is invalid by the document`).toBe(400);
          const details = ((await res.json()).error as { details: { field: string }[] }).details;
          expect(details.some((d) => d.field === p.name), `${ctx}: details name ${p.name}: ${JSON.stringify(details)}`).toBe(true);
        }
      }
      if (p.in === "path") continue;
      // a parameter given twice is not a list the server quietly accepts
      const twice = await request.get(url(path, withPath(path, `${p.name}=a&${p.name}=b`)));
      expect(twice.status(), `${path} with ${p.name} twice`).toBe(400);
      await expectErrorShape(twice, `${path} with ${p.name} twice`);
    }
    // (`__proto__` is not here: Next.js drops it from the query before a handler sees it)
    for (const name of ["x".repeat(10_000), "💥", "limit]", "constructor", "toString", "slug"]) {
      const res = await request.get(url(path, withPath(path, new URLSearchParams({ [name]: "1" }).toString())));
      expect(res.status(), `${path} with unknown parameter ${name.slice(0, 20)}`).toBe(400);
      await expectErrorShape(res, `unknown parameter ${name.slice(0, 20)}`);
    }
  });
}

// --- HTTP conventions -------------------------------------------------------------------------

test("ETag: the same answer twice has the same strong tag, and If-None-Match gets a bodiless 304", async ({ request }) => {
  const u = "/api/v1/frontier?axis=mmlu&date=2025-01-01";
  const a = await request.get(u);
  const b = await request.get(u);
  const tag = a.headers()["etag"]!;
  expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  expect(b.headers()["etag"]).toBe(tag);
  expect(a.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
  const c = await request.get(u, { headers: { "If-None-Match": tag } });
  expect(c.status()).toBe(304);
  expect((await c.body()).length).toBe(0);
  expect(c.headers()["etag"]).toBe(tag);
  expect((await request.get(u, { headers: { "If-None-Match": `W/${tag}` } })).status()).toBe(304);
  expect((await request.get(u, { headers: { "If-None-Match": '"something-else"' } })).status()).toBe(200);
  const csv = await request.get(`${u}&format=csv`);
  expect(csv.headers()["etag"]).not.toBe(tag);
  expect((await request.get(u, { headers: { "If-None-Match": csv.headers()["etag"]! } })).status()).toBe(200);
});

test("every endpoint: a strong ETag with If-None-Match → 304, Cache-Control, Vary and CORS on the answer", async ({ request }) => {
  for (const [path, samples] of Object.entries(SAMPLES)) {
    const u = url(path, samples[samples.length - 1]!);
    const res = await request.get(u, { headers: { Origin: "https://analyst.example" } });
    expect(res.status(), u).toBe(200);
    const h = res.headers();
    expect(h["etag"], u).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(h["cache-control"], u).toMatch(/^public, max-age=\d+/);
    expect(h["vary"], u).toContain("Accept");
    expect(h["access-control-allow-origin"], u).toBe("*");
    const again = await request.get(u, { headers: { "If-None-Match": h["etag"]! } });
    expect(again.status(), u).toBe(304);
    expect((await again.body()).length, u).toBe(0);
    expect(again.headers()["etag"], u).toBe(h["etag"]);
  }
});

test("contract: the digest subscription routes answer what the document says, from subscribe to one-click unsubscribe", async ({ request }) => {
  const smtp = await startSmtpCapture(SMTP_PORT);
  try {
    const post = async (path: string, init: Parameters<APIRequestContext["post"]>[1], status: number) => {
      const res = await request.post(path, init);
      expect(res.status(), path).toBe(status);
      validateAgainst(responseSchema(path.split("?")[0]!, status, "post"), await res.json(), `POST ${path} ${status}`);
      return res;
    };
    const email = `contract-${Date.now().toString(36)}@example.org`;
    await post("/api/v1/subscriptions", { data: { email, labs: ["deepseek"], topics: ["prices"] } }, 202);
    const tokenIn = async (n: number, path: string) => new URL(((await smtp.waitFor(n))[n - 1]!.parsed.text ?? "").match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))![0]).searchParams.get("token")!;
    const confirm = await tokenIn(1, "/subscribe/confirm");
    await post("/api/v1/subscriptions/confirm", { data: { token: confirm } }, 200);
    await post("/api/v1/subscriptions", { form: { email } }, 202);
    const manage = await tokenIn(2, "/subscribe/manage");
    await post("/api/v1/subscriptions/preferences", { data: { token: manage, labs: ["openai"], topics: ["prices", "releases"] } }, 200);
    await post(`/api/v1/subscriptions/unsubscribe?token=${manage}`, { form: { "List-Unsubscribe": "One-Click" } }, 200);
    // errors are documented per route, in the one shape
    await post("/api/v1/subscriptions", { data: { email: "not-an-address" } }, 400);
    await post("/api/v1/subscriptions/confirm", { data: { token: "short" } }, 400);
    await post("/api/v1/subscriptions/confirm", { data: { token: "eyJwIjoiY29uZmlybSJ9.c2lnbmF0dXJlLWZvcmdlZA" } }, 403);
    await post("/api/v1/subscriptions/preferences", { data: { token: confirm, labs: [], topics: ["prices"] } }, 403);
  } finally {
    await smtp.close();
  }
});

test("CORS: any origin may GET, and a preflight says so", async ({ request }) => {
  const res = await request.get("/api/v1/runs", { headers: { Origin: "https://analyst.example" } });
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  expect(res.headers()["access-control-expose-headers"]).toContain("ETag");
  expect(res.headers()["access-control-expose-headers"]).toContain("Link");
  const err = await request.get("/api/v1/runs?limit=0", { headers: { Origin: "https://analyst.example" } });
  expect(err.headers()["access-control-allow-origin"]).toBe("*");
  const pre = await request.fetch("/api/v1/frontier", { method: "OPTIONS", headers: { Origin: "https://analyst.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" } });
  expect(pre.status()).toBe(204);
  expect(pre.headers()["access-control-allow-origin"]).toBe("*");
  expect(pre.headers()["access-control-allow-methods"]).toContain("GET");
  expect(pre.headers()["access-control-allow-headers"]?.toLowerCase()).toContain("authorization");
});

function valueAt(row: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json)[k] : undefined), row);
}
function leafPaths(row: Json, prefix = ""): string[] {
  return Object.entries(row).flatMap(([k, v]) => (v !== null && typeof v === "object" && !Array.isArray(v) ? leafPaths(v as Json, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

async function expectCsvMatchesJson(request: APIRequestContext, path: string, query: string, via: "param" | "accept"): Promise<number> {
  const jsonRes = await request.get(url(path, query));
  const json = await jsonRes.json();
  const rows = (CSV_ROWS[path] === "" ? [json] : json[CSV_ROWS[path] ?? "data"]) as Json[];
  const csvUrl = url(path, query) + (url(path, query).includes("?") ? "&format=csv" : "?format=csv");
  const csvRes = via === "param" ? await request.get(csvUrl) : await request.get(url(path, query), { headers: { Accept: "text/csv" } });
  expect(csvRes.status()).toBe(200);
  expect(csvRes.headers()["content-type"]).toContain("text/csv");
  const table = parse(await csvRes.text(), { relax_quotes: false }) as string[][];
  const [header, ...records] = table;
  expect(header!.length, `${path} header`).toBeGreaterThan(0);
  expect(records.length, `${path}?${query} rows`).toBe(rows.length);
  rows.forEach((row, i) => {
    // a null object's columns are its fields' (all empty): `previous` → `previous.model`, …
    expect(leafPaths(row).filter((leaf) => !header!.some((c) => c === leaf || (valueAt(row, leaf) === null && c.startsWith(`${leaf}.`)))), `${path}: fields without a column`).toEqual([]);
    // one comparison per row: each cell read back as the JSON value it stands for
    const read = header!.map((col, j) => {
      const v = valueAt(row, col);
      const cell = records[i]![j]!;
      if (typeof v === "number") return Number(cell);
      if (Array.isArray(v)) return JSON.parse(cell) as unknown;
      if (v === null || v === undefined) return cell === "" ? null : cell;
      return typeof v === "boolean" ? cell === "true" ? true : cell === "false" ? false : cell : cell;
    });
    const expected = header!.map((col) => valueAt(row, col) ?? null);
    expect(read, `${path}?${query} row ${i}`).toEqual(expected);
  });
  return rows.length;
}

test("CSV: every endpoint's CSV parses and matches its JSON, by ?format=csv and by Accept: text/csv", async ({ request }) => {
  test.setTimeout(180_000);
  let total = 0;
  for (const [path, queries] of Object.entries(SAMPLES)) {
    for (const q of queries) total += await expectCsvMatchesJson(request, path, q, "param");
    await expectCsvMatchesJson(request, path, queries[0]!, "accept");
  }
  expect(total).toBeGreaterThan(500);
  const csv = await (await request.get("/api/v1/models?limit=1&format=csv")).text();
  expect(csv.split("\r\n")[0]).toContain("lab.slug");
  // JSON stays the default for browsers and for clients that prefer it
  expect((await request.get("/api/v1/runs", { headers: { Accept: "text/html,*/*;q=0.8" } })).headers()["content-type"]).toContain("application/json");
  expect((await request.get("/api/v1/runs", { headers: { Accept: "application/json, text/csv;q=0.5" } })).headers()["content-type"]).toContain("application/json");
});

// --- metrics and docs -------------------------------------------------------------------------

test("metrics: request counts and latency by route and status, and ingest runs by source", async ({ request }) => {
  await request.get("/api/v1/frontier?axis=mmlu&date=2025-01-01");
  await request.get("/api/v1/frontier?axis=no-such");
  const res = await request.get("/api/metrics");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(/frontierwatch_http_requests_total\{route="\/api\/v1\/frontier",method="GET",status="200"\} [1-9]\d*/);
  expect(text).toMatch(/frontierwatch_http_requests_total\{route="\/api\/v1\/frontier",method="GET",status="404"\} [1-9]\d*/);
  expect(text).toMatch(/frontierwatch_http_request_duration_seconds_bucket\{route="\/api\/v1\/frontier",method="GET",status="200",le="\+Inf"\} [1-9]\d*/);
  expect(text).toMatch(/frontierwatch_ingest_runs\{source="curated",status="succeeded"\} [1-9]\d*/);
  // every sample line is `name{labels} value`
  for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^[a-z_]+(\{.*\})? [-+0-9.eInf]+$/);
});

test("docs: /docs/api lists every endpoint with its parameters, curl and pandas examples", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("JSON API v1");
  for (const path of Object.keys(SAMPLES)) {
    const heading = page.getByRole("heading", { name: new RegExp(`GET ${escapeRegExp(path)} `) });
    await expect(heading).toBeVisible();
    for (const p of doc.paths[path]!.get!.parameters.filter((x) => x.name !== "format")) {
      expect(await page.locator("section", { has: heading }).locator(`td:first-child > code`, { hasText: new RegExp(`^${p.name}$`) }).count(), `${path} documents ${p.name}`).toBe(1);
    }
  }
  // the other operations of the document (digest subscriptions, admin) are listed too
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops).filter((m) => m !== "get")) await expect(page.locator("#other-operations code", { hasText: new RegExp(`^${method.toUpperCase()} ${escapeRegExp(path)}$`) })).toHaveCount(1);
  }
  await expect(page.locator("pre", { hasText: "curl -s" }).first()).toBeVisible();
  await expect(page.locator("pre", { hasText: "pd.read_csv" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/docs-api.png", fullPage: false });
});
