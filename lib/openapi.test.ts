import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "./api-catalogue";
import { buildOpenApi, queryParameters } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = buildOpenApi() as { openapi: string; paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };

  it("is OpenAPI 3.1 with every catalogued endpoint, its parameters and the format parameter", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const def of Object.values(ENDPOINTS)) {
      const op = doc.paths[def.path]!.get!;
      const names = op.parameters.map((p) => p.name);
      expect(names).toContain("format");
      expect(names.length).toBe(Object.keys((def.query as unknown as { shape?: object }).shape ?? {}).length + 1);
      expect(op.responses[200]).toBeTruthy();
      expect(op.responses[400]).toBeTruthy();
    }
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
