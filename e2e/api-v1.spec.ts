/**
 * The public API's conventions against the real server: every endpoint's responses validated
 * against /api/v1/openapi.json (ajv, JSON Schema 2020-12), every parameter fuzzed, ETag/304, CORS,
 * Link headers, CSV that parses and matches the JSON, metrics and the docs page.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";

type Json = Record<string, unknown>;
interface Operation { parameters: { name: string; schema: Json }[]; responses: Record<string, { content?: Record<string, { schema: Json }> }> }
interface OpenApi { openapi: string; paths: Record<string, { get?: Operation; post?: Operation }>; components: { schemas: Record<string, Json> } }

/** Requests whose real answers are checked against the document: at least one per endpoint. */
const SAMPLES: Record<string, string[]> = {
  "/api/v1/models": ["", "limit=5", "lab=deepseek&open=true&sort=released", "reasoning=true&released_after=2025-01-01&limit=3"],
  "/api/v1/frontier": ["axis=gpqa-diamond&date=2025-06-01", "axis=mmlu&date=2024-06-01&open=true&pareto_only=true", "axis=fw-ci-v1&date=2025-01-01&mode=median&mix=1:1", "axis=mmlu&date=2019-01-01"],
  "/api/v1/trends/price-at-capability": ["benchmark=gpqa-diamond&threshold=50", "benchmark=mmlu&threshold_model=gpt-4-0314&from=2023-01-01&to=2025-06-01", "benchmark=mmlu&threshold=99.9", "benchmark=gpqa-diamond&threshold=40&include_reasoning=true&mode=first-party"],
  "/api/v1/trends/cheapest": ["", "benchmark=gpqa-diamond&threshold=50&from=2024-01-01&to=2025-01-01"],
  "/api/v1/gap": ["benchmarks=arena-elo,gpqa-diamond&from=2024-01-01&to=2025-06-30", "from=2025-01-01&to=2025-03-01"],
  "/api/v1/movements": ["", "from=2025-01-01&to=2025-02-01", "from=2024-01-01&to=2025-01-01", "from=2024-01-01&to=2026-01-01&kind=price-change,new-leader&sort=-date&limit=7"],
  "/api/v1/sources": [""],
  "/api/v1/runs": ["", "source=curated", "status=failed", "limit=1"],
};
/** Where the rows of an endpoint's CSV form are in its JSON. */
const CSV_ROWS: Record<string, string> = { "/api/v1/trends/price-at-capability": "points", "/api/v1/trends/cheapest": "points" };

let doc: OpenApi;
let ajv: Ajv2020;

test.beforeAll(async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  doc = await res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: doc.components }, "openapi");
});

const url = (path: string, query: string) => (query ? `${path}?${query}` : path);

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
  for (const [u, status] of [["/api/v1/frontier?axis=no-such-bench", 404], ["/api/v1/models?limit=0", 400], ["/api/v1/runs?status=exploded", 400], ["/api/v1/nowhere", 404]] as const) {
    const res = await request.get(u);
    expect(res.status(), u).toBe(status);
    await expectErrorShape(res, u);
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
      for (const value of BAD_VALUES) {
        const q = new URLSearchParams({ [p.name]: value }).toString();
        const res = await request.get(url(path, q));
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
      // a parameter given twice is not a list the server quietly accepts
      const twice = await request.get(url(path, `${p.name}=a&${p.name}=b`));
      expect(twice.status(), `${path} with ${p.name} twice`).toBe(400);
      await expectErrorShape(twice, `${path} with ${p.name} twice`);
    }
    // (`__proto__` is not here: Next.js drops it from the query before a handler sees it)
    for (const name of ["x".repeat(10_000), "💥", "limit]", "constructor", "toString"]) {
      const res = await request.get(url(path, new URLSearchParams({ [name]: "1" }).toString()));
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

test("lists: the Link header points at the page nextCursor names, and the last page has neither", async ({ request }) => {
  const res = await request.get("/api/v1/models?open=true&limit=3");
  const body = await res.json();
  expect(body.nextCursor).toBeTruthy();
  const link = res.headers()["link"]!;
  const m = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(m, link).toBeTruthy();
  const next = new URL(m![1]!);
  expect(next.searchParams.get("cursor")).toBe(body.nextCursor);
  expect(next.searchParams.get("open")).toBe("true");
  const page2 = await (await request.get(`${next.pathname}${next.search}`)).json();
  expect(page2.data[0].slug).not.toBe(body.data[0].slug);
  const all = await request.get("/api/v1/runs?limit=200");
  expect((await all.json()).nextCursor).toBeNull();
  expect(all.headers()["link"]).toBeUndefined();
});

test("movements: following the Link headers pages through the whole window, and counts cover it whatever the page", async ({ request }) => {
  const window = "from=2023-01-01&to=2026-01-01";
  const whole = await (await request.get(`/api/v1/movements?${window}&limit=1000`)).json();
  const total = whole.counts.releases + whole.counts.priceChanges + whole.counts.newLeaders + whole.counts.crossings;
  expect(total).toBeGreaterThan(60);
  expect(whole.data.length).toBe(Math.min(total, 1000));
  for (const sort of ["date", "-date"]) {
    const items: Json[] = [];
    let next: string | null = `/api/v1/movements?${window}&limit=25&sort=${sort}`;
    let pages = 0;
    while (next) {
      const res: APIResponse = await request.get(next);
      expect(res.status(), next).toBe(200);
      const body = (await res.json()) as { counts: Json; data: Json[]; nextCursor: string | null };
      expect(body.counts).toEqual(whole.counts);
      items.push(...body.data);
      const link: string | undefined = res.headers()["link"];
      expect(Boolean(link), next).toBe(body.nextCursor !== null);
      const target = link ? new URL(/^<([^>]+)>/.exec(link)![1]!) : null;
      next = target ? target.pathname + target.search : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(items).toEqual(sort === "date" ? whole.data : [...whole.data].reverse());
  }
  const cuts = await (await request.get(`/api/v1/movements?${window}&kind=price-change&limit=1000`)).json();
  expect(cuts.data.length).toBe(whole.counts.priceChanges);
  expect(cuts.data.every((m: Json) => m.kind === "price-change")).toBe(true);
  for (const bad of ["kind=rumour", "kind=", "cursor=bm90LWEtY3Vyc29y", "limit=1001", "sort=date,-date"]) {
    const res = await request.get(`/api/v1/movements?${window}&${bad}`);
    expect(res.status(), bad).toBe(400);
    expect(JSON.stringify((await res.json()).error.details), bad).toContain(bad.split("=")[0]);
  }
});

function valueAt(row: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json)[k] : undefined), row);
}
function leafPaths(row: Json, prefix = ""): string[] {
  return Object.entries(row).flatMap(([k, v]) => (v !== null && typeof v === "object" && !Array.isArray(v) ? leafPaths(v as Json, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

async function expectCsvMatchesJson(request: APIRequestContext, path: string, query: string, via: "param" | "accept"): Promise<number> {
  const jsonRes = await request.get(url(path, query));
  const rows = (await jsonRes.json())[CSV_ROWS[path] ?? "data"] as Json[];
  const csvRes = via === "param" ? await request.get(url(path, query ? `${query}&format=csv` : "format=csv")) : await request.get(url(path, query), { headers: { Accept: "text/csv" } });
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
    await expect(page.getByRole("heading", { name: new RegExp(`GET ${path.replaceAll("/", "\\/")} `) })).toBeVisible();
    for (const p of doc.paths[path]!.get!.parameters.filter((x) => x.name !== "format")) {
      expect(await page.locator("section", { has: page.getByRole("heading", { name: new RegExp(`GET ${path.replaceAll("/", "\\/")} `) }) }).locator(`td > code`, { hasText: new RegExp(`^${p.name}$`) }).count(), `${path} documents ${p.name}`).toBe(1);
    }
  }
  await expect(page.locator("pre", { hasText: "curl -s" }).first()).toBeVisible();
  await expect(page.locator("pre", { hasText: "pd.read_csv" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/docs-api.png", fullPage: false });
});
