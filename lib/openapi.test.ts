import { describe, expect, it } from "vitest";
import { ENDPOINTS, type EndpointDef } from "./api-catalogue";
import { buildOpenApi, queryParameters } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = buildOpenApi() as { openapi: string; paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };

  it("is OpenAPI 3.1 with every catalogued endpoint, its parameters and the format parameter", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const def of Object.values(ENDPOINTS)) {
      const op = doc.paths[def.path]!.get!;
      const names = op.parameters.map((p) => p.name);
      expect(names).toContain("format");
      const keys = (schema: unknown) => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {}).length;
      expect(names.length).toBe(keys(def.query) + keys(def.params) + 1);
      expect(op.responses[200]).toBeTruthy();
      expect(op.responses[400]).toBeTruthy();
    }
  });

  it("describes every {name} of a templated path as a required path parameter, and only those", () => {
    for (const def of Object.values(ENDPOINTS) as EndpointDef[]) {
      const inPath = [...def.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (doc.paths[def.path]!.get!.parameters as { name: string; in: string; required: boolean }[]).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name), def.path).toEqual(inPath);
      for (const p of declared) expect(p.required, `${def.path} ${p.name}`).toBe(true);
    }
    expect(doc.paths["/api/v1/models/{slug}"]!.get!.parameters[0]).toMatchObject({ name: "slug", in: "path", schema: { pattern: "^[a-z0-9][a-z0-9.-]*$", maxLength: 100 } });
  });

  it("describes the digest subscription routes from their zod schemas: bodies and answers", () => {
    const post = (path: string) => (doc.paths[path] as { post?: { requestBody: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }).post!;
    const subscribe = post("/api/v1/subscriptions");
    expect(subscribe.requestBody.content["application/json"]!.schema.required).toEqual(["email"]);
    expect(Object.keys(subscribe.requestBody.content["application/json"]!.schema.properties!)).toEqual(["email", "labs", "topics"]);
    expect(subscribe.requestBody.content["application/x-www-form-urlencoded"]).toBeTruthy();
    expect(subscribe.responses[202]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/SubscribeAccepted");
    expect(post("/api/v1/subscriptions/confirm").responses[200]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/SubscriptionConfirmed");
    expect(post("/api/v1/subscriptions/preferences").requestBody.content["application/json"]!.schema.required).toEqual(["token"]);
    expect(post("/api/v1/subscriptions/unsubscribe").responses[200]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/Unsubscribed");
    expect(doc.components.schemas.SubscriptionConfirmed).toMatchObject({ properties: { status: { const: "confirmed" } } });
  });

  it("takes parameters from the same zod schema that validates them (patterns, enums, defaults)", () => {
    const params = queryParameters(ENDPOINTS.models.query);
    expect(params.find((p) => p.name === "limit")).toMatchObject({ required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } });
    expect(params.find((p) => p.name === "open")!.schema).toMatchObject({ enum: ["true", "false"] });
    expect(params.find((p) => p.name === "cursor")!.schema).toMatchObject({ pattern: "^[A-Za-z0-9_-]+$" });
  });

  it("has a response schema for every endpoint, with no dangling references", () => {
    const text = JSON.stringify(doc);
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas[ref[1]!], ref[1]).toBeTruthy();
    expect(text).not.toContain("$defs");
  });
});
