/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the requests
 * and type the responses (lib/api-catalogue.ts): zod 4's toJSONSchema writes JSON Schema 2020-12,
 * which is OpenAPI 3.1's schema dialect, so nothing is written twice.
 */
import { z } from "zod";
import { ENDPOINTS, type EndpointDef } from "./api-catalogue";
import { createdKeyResponse, createKeyBody } from "./schemas/admin";
import { errorResponse } from "./schemas/common";
import { preferencesBody, preferencesUpdated, subscribeAccepted, subscribeBody, subscriptionConfirmed, tokenBody, tokenField, unsubscribed } from "./schemas/subscriptions";

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonObject;
  if (JSON.stringify(rest).includes('"$defs"') || JSON.stringify(rest).includes('"$ref"')) throw new Error("an API schema must not use $defs/$ref (they would not resolve inside components)");
  return rest;
}

export interface QueryParameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonObject;
}

/** The query parameters of a query schema, each with its JSON Schema (as the URL carries it: input side). */
export function queryParameters(query: z.ZodType, where: "query" | "path" = "query"): QueryParameter[] {
  const s = jsonSchema(query, "input") as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema as { description?: string };
    // a path parameter is always there (OpenAPI requires `required: true` for it)
    const required = where === "path" || ((s.required ?? []).includes(name) && !("default" in rest));
    return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
  });
}

/** Path and query parameters of an endpoint, path first. */
export function endpointParameters(def: EndpointDef): QueryParameter[] {
  return [...(def.params ? queryParameters(def.params, "path") : []), ...queryParameters(def.query)];
}

const FORMAT_PARAMETER: QueryParameter = {
  name: "format", in: "query", required: false,
  description: "csv for CSV (the same as Accept: text/csv); nested fields become dotted columns, arrays JSON text",
  schema: { type: "string", enum: ["json", "csv"], default: "json" },
};

const header = (description: string, type = "string") => ({ description, schema: { type } });
const RATE_HEADERS = {
  "RateLimit-Limit": header("requests allowed per window for this key or address", "integer"),
  "RateLimit-Remaining": header("requests left in the current window", "integer"),
  "RateLimit-Reset": header("seconds until the window resets", "integer"),
  "RateLimit-Policy": header("the limit and window, e.g. 60;w=60"),
};
const errorRef = { $ref: "#/components/schemas/Error" };
const errorContent = (description: string, headers: JsonObject = {}) => ({ description, headers, content: { "application/json": { schema: errorRef } } });

const componentName = (def: EndpointDef) => `${def.operationId[0]!.toUpperCase()}${def.operationId.slice(1)}Response`;

function getOperation(def: EndpointDef): JsonObject {
  return {
    operationId: def.operationId,
    tags: [def.tag],
    summary: def.summary,
    description: def.description,
    parameters: [...endpointParameters(def), FORMAT_PARAMETER],
    responses: {
      200: {
        description: "OK",
        headers: {
          ETag: header("strong validator of the body; send it back in If-None-Match"),
          "Cache-Control": header(`public, max-age=${def.cacheSeconds}`),
          ...(def.paginated ? { Link: header('<…&cursor=…>; rel="next" when there is a next page') } : {}),
          ...RATE_HEADERS,
        },
        content: {
          "application/json": { schema: { $ref: `#/components/schemas/${componentName(def)}` } },
          "text/csv": { schema: { type: "string" } },
        },
      },
      304: { description: "Not modified (If-None-Match matched the ETag)" },
      400: errorContent("A parameter is invalid; details name each one"),
      401: errorContent("The API key is unknown, revoked or malformed"),
      404: errorContent(def.params ? "Nothing has this slug, or a model, lab, provider, source or benchmark named by a parameter does not exist" : "A model, lab, provider, source or benchmark named by a parameter does not exist"),
      429: errorContent("Rate limit reached", { "Retry-After": header("seconds to wait", "integer"), ...RATE_HEADERS }),
      500: errorContent("A fault on our side (never caused by input)"),
    },
  };
}

/** Request body accepted as JSON or as an HTML form (repeated fields for lists). */
const bodyOf = (schema: z.ZodType) => {
  const s = jsonSchema(schema, "input");
  return { required: true, content: { "application/json": { schema: s }, "application/x-www-form-urlencoded": { schema: s } } };
};
const jsonResponse = (description: string, component: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${component}` } } } });

/** The digest subscription routes (app/api/v1/subscriptions/**), described from their zod schemas. */
function subscriptionPaths(schemas: Record<string, JsonObject>): Record<string, JsonObject> {
  schemas.SubscribeAccepted = jsonSchema(subscribeAccepted, "output");
  schemas.SubscriptionConfirmed = jsonSchema(subscriptionConfirmed, "output");
  schemas.PreferencesUpdated = jsonSchema(preferencesUpdated, "output");
  schemas.Unsubscribed = jsonSchema(unsubscribed, "output");
  const tag = ["Digest"];
  const badToken = {
    400: errorContent("The body or token is malformed, or the link has expired"),
    403: errorContent("The link's signature is wrong, or the link was voided by a later unsubscribe"),
  };
  return {
    "/api/v1/subscriptions": {
      post: {
        operationId: "subscribe", tags: tag, summary: "Subscribe to the weekly digest (double opt-in)",
        description: "Stores a pending subscription and emails a signed confirmation link; nothing else is sent until it is followed. The answer is the same 202 whatever the address's state, so it never discloses who subscribes.",
        requestBody: bodyOf(subscribeBody),
        responses: { 202: jsonResponse("Accepted: a confirmation email is on its way if the address can receive it", "SubscribeAccepted"), 400: errorContent("A field is invalid; details name it"), 503: errorContent("The confirmation email could not be sent") },
      },
    },
    "/api/v1/subscriptions/confirm": {
      post: {
        operationId: "confirmSubscription", tags: tag, summary: "Confirm a subscription",
        description: "With the token of the confirmation link (a POST, so mail scanners opening links confirm nothing).",
        requestBody: bodyOf(tokenBody),
        responses: { 200: jsonResponse("Confirmed (or already confirmed)", "SubscriptionConfirmed"), ...badToken, 409: errorContent("The subscription is no longer pending (unsubscribed or bounced)") },
      },
    },
    "/api/v1/subscriptions/preferences": {
      post: {
        operationId: "updateSubscriptionPreferences", tags: tag, summary: "Change what a subscriber receives",
        description: "Topics and labs to follow, with the token of the manage link.",
        requestBody: bodyOf(preferencesBody),
        responses: { 200: jsonResponse("Updated", "PreferencesUpdated"), ...badToken, 409: errorContent("The subscription is not confirmed") },
      },
    },
    "/api/v1/subscriptions/unsubscribe": {
      post: {
        operationId: "unsubscribe", tags: tag, summary: "Unsubscribe (RFC 8058 one-click)",
        description: "The List-Unsubscribe URL of every digest: the mail client POSTs `List-Unsubscribe=One-Click` as a form with the token in the URL; a JSON `{\"token\"}` body works too. A browser's GET of the same URL is redirected (303) to a page with a button, never a silent change.",
        parameters: [{ name: "token", in: "query", required: false, description: "the token of the unsubscribe link (or in the body)", schema: jsonSchema(tokenField, "input") }],
        requestBody: {
          required: false,
          content: {
            "application/x-www-form-urlencoded": { schema: { type: "object", properties: { "List-Unsubscribe": { type: "string", const: "One-Click" } } } },
            "application/json": { schema: jsonSchema(tokenBody, "input") },
          },
        },
        responses: { 200: jsonResponse("Unsubscribed (or already)", "Unsubscribed"), ...badToken },
      },
    },
  };
}

let cached: JsonObject | undefined;

export function buildOpenApi(): JsonObject {
  if (cached) return cached;
  const paths: Record<string, JsonObject> = {};
  const schemas: Record<string, JsonObject> = { Error: jsonSchema(errorResponse, "output") };
  for (const def of Object.values(ENDPOINTS) as EndpointDef[]) {
    paths[def.path] = { get: getOperation(def) };
    schemas[componentName(def)] = jsonSchema(def.response, "output");
  }
  schemas.CreatedKey = jsonSchema(createdKeyResponse, "output");
  const admin = [{ adminToken: [] }];
  paths["/api/v1/admin/keys"] = {
    post: {
      operationId: "createApiKey", tags: ["Admin"], summary: "Create an API key", security: admin,
      description: "Creates a key (shown once in the response; only its sha256 is stored). Also `npm run apikey -- create NAME`.",
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(createKeyBody, "input") } } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: { $ref: "#/components/schemas/CreatedKey" } } } },
        400: errorContent("The body is invalid"), 401: errorContent("No or wrong admin token"), 403: errorContent("Admin routes are disabled (no ADMIN_TOKEN)"),
      },
    },
  };
  paths["/api/v1/admin/ingest/{source}"] = {
    post: {
      operationId: "queueIngestRun", tags: ["Admin"], summary: "Queue an ingest run of a source", security: admin,
      parameters: [{ name: "source", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]*$" } }],
      responses: {
        202: { description: "Queued (or already queued)", content: { "application/json": { schema: { type: "object" } } } },
        400: errorContent("Invalid source"), 401: errorContent("No or wrong admin token"), 404: errorContent("No such source"),
      },
    },
  };
  Object.assign(paths, subscriptionPaths(schemas));
  cached = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "FrontierWatch API",
      version: "1.0.0",
      description:
        "Prices, capability and analytics of AI models. Every GET answers JSON or CSV (format=csv or Accept: text/csv), carries a strong ETag (If-None-Match → 304), Cache-Control and CORS headers; lists are cursor-paginated (nextCursor and a Link header). Errors have one shape: {\"error\": {\"code\", \"message\", \"details\"}}. Anonymous use is rate-limited per address; an API key (Authorization: Bearer fw_…) raises the limit.",
    },
    servers: [{ url: "/" }],
    security: [{}, { apiKey: [] }, { apiKeyHeader: [] }],
    tags: [{ name: "Catalogue" }, { name: "Prices" }, { name: "Analytics" }, { name: "Provenance" }, { name: "Digest" }, { name: "Admin" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "an API key, fw_…" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
        adminToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" },
      },
    },
  };
  return cached;
}
