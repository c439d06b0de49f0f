import type { Metadata } from "next";
import { ENDPOINTS, type EndpointDef } from "../../../lib/api-catalogue";
import { getEnv } from "../../../lib/env";
import { buildOpenApi, endpointParameters } from "../../../lib/openapi";

export const metadata: Metadata = { title: "API" };
export const dynamic = "force-dynamic";

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(" | ");
  const parts = [String(schema.type ?? "string")];
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`);
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength} chars`);
  return parts.join(", ");
}

/** The path with its parameters filled in from the endpoint's example values. */
function examplePath(def: EndpointDef): string {
  return def.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(def.pathExample?.[name] ?? name));
}

function pandasExample(base: string, def: EndpointDef): string {
  const url = `${base}${examplePath(def)}?${def.example ? `${def.example}&` : ""}format=csv`;
  if (!def.paginated) return `import pandas as pd\n\ndf = pd.read_csv("${url}")\nprint(df.head())`;
  return [
    "import pandas as pd, requests",
    "",
    `url, params, rows = "${base}${examplePath(def)}", dict(${def.example.split("&").filter(Boolean).map((p) => p.split("=")).map(([k, v]) => `${k}="${v}"`).join(", ")}), []`,
    "while True:  # follow nextCursor (also in the Link header) to the last page",
    "    page = requests.get(url, params=params, timeout=30).json()",
    '    rows += page["data"]',
    '    if not page["nextCursor"]:',
    "        break",
    '    params["cursor"] = page["nextCursor"]',
    "df = pd.json_normalize(rows)  # nested fields become dotted columns, as in the CSV",
  ].join("\n");
}

/** The operations of the document that are not catalogue GETs: the digest subscription and admin routes. */
function otherOperations(): { method: string; path: string; summary: string }[] {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, { summary?: string }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([method]) => method !== "get").map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary ?? "" })),
  );
}

export default function ApiDocsPage() {
  const base = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const defs = Object.values(ENDPOINTS) as EndpointDef[];
  return (
    <main>
      <h1>JSON API v1</h1>
      <p className="lede">
        The data and analytics of the dashboard, for scripts. Machine-readable description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, generated from the schemas that validate each request).
      </p>
      <section className="panel" id="conventions">
        <h2>Conventions</h2>
        <ul>
          <li><strong>Formats</strong>: JSON by default; CSV with <code>format=csv</code> or <code>Accept: text/csv</code>. In CSV, nested fields become dotted columns (<code>lab.slug</code>), arrays are JSON text, null is an empty cell.</li>
          <li><strong>Lists</strong> are cursor-paginated: <code>limit</code> (1–200) and <code>cursor</code> from the previous page&apos;s <code>nextCursor</code>, also given as a <code>Link: &lt;…&gt;; rel=&quot;next&quot;</code> header. Pages are keyset pages (no offsets): rows written meanwhile never shift them, and a cursor belongs to the <code>sort</code> it was made with.</li>
          <li><strong>Filters</strong> that name a model, lab, provider, source or benchmark by slug are checked: an unknown slug is a <code>404</code>, not an empty list.</li>
          <li><strong>Prices</strong>: validity windows are half-open, <code>[validFrom, validTo)</code>; <code>validTo</code> null means still in force. <code>as_of=YYYY-MM-DD</code> takes the rows in force at 00:00 UTC that day.</li>
          <li><strong>Caching</strong>: every response has a strong <code>ETag</code>; send it back as <code>If-None-Match</code> and an unchanged answer is a bodiless <code>304</code>. <code>Cache-Control</code> says how long shared caches may keep it.</li>
          <li><strong>CORS</strong>: any origin may GET.</li>
          <li><strong>Errors</strong> have one shape, <code>{`{"error": {"code": "invalid_request", "message": "…", "details": [{"field": "limit", "message": "…"}]}}`}</code>; codes: invalid_request (400), unauthorized (401), forbidden (403), not_found (404), rate_limited (429), internal_error (500), unavailable (503). Unknown parameters are errors too.</li>
          <li><strong>Keys and limits</strong>: without a key, requests are limited per address ({getEnv().RATE_LIMIT_ANONYMOUS} per {getEnv().RATE_LIMIT_WINDOW_SECONDS} s here); a key (<code>Authorization: Bearer fw_…</code> or <code>X-API-Key</code>) gets {getEnv().RATE_LIMIT_STANDARD} (standard) or {getEnv().RATE_LIMIT_PARTNER} (partner). Every response says where you are: <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>; past the limit, <code>429</code> with <code>Retry-After</code>. Keys are created by the operator (<code>npm run apikey -- create NAME</code> or <code>POST /api/v1/admin/keys</code>).</li>
          <li><strong>Dates</strong> are <code>YYYY-MM-DD</code> (UTC days); prices are USD per 1M tokens, blended 3:1 input:output unless <code>mix</code> says otherwise.</li>
        </ul>
      </section>
      {otherOperations().length > 0 && (
        <section className="panel" id="other-operations">
          <h2>Other operations</h2>
          <p>Described in the OpenAPI document with their request bodies and answers.</p>
          <table className="data">
            <thead><tr><th>operation</th><th>what</th></tr></thead>
            <tbody>
              {otherOperations().map((o) => (
                <tr key={`${o.method} ${o.path}`}><td><code>{o.method} {o.path}</code></td><td>{o.summary}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {defs.map((def) => {
        const params = endpointParameters(def);
        const example = `${base}${examplePath(def)}${def.example ? `?${def.example}` : ""}`;
        return (
          <section className="panel" key={def.path} id={def.operationId}>
            <h2><code>GET {def.path}</code> — {def.summary}</h2>
            <p>{def.description}</p>
            {params.length > 0 && (
              <table className="data">
                <thead><tr><th>parameter</th><th>in</th><th>type</th><th>default</th><th>meaning</th></tr></thead>
                <tbody>
                  {params.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <td><code>{p.name}</code></td>
                      <td>{p.in}</td>
                      <td>{typeOf(p.schema)}</td>
                      <td>{p.schema.default === undefined ? "" : <code>{String(p.schema.default)}</code>}</td>
                      <td>{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted">curl</p>
            <pre><code>{`curl -s "${example}"\ncurl -s -H "Accept: text/csv" "${example}"\ncurl -s -H "Authorization: Bearer $FW_API_KEY" "${example}"`}</code></pre>
            <p className="muted">Python (pandas)</p>
            <pre><code>{pandasExample(base, def)}</code></pre>
          </section>
        );
      })}
    </main>
  );
}
