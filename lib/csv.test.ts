import { describe, expect, it } from "vitest";
import { z } from "zod";
import { csvCell, csvColumns, toCsv } from "./csv";

const item = z.object({
  slug: z.string(),
  lab: z.object({ slug: z.string(), country: z.string().nullable() }),
  params: z.object({ totalB: z.number().nullable() }).nullable(),
  modalities: z.array(z.string()),
  open: z.boolean(),
});
const schema = z.toJSONSchema(item, { io: "output" }) as Parameters<typeof csvColumns>[0];

describe("csv", () => {
  it("flattens nested and nullable objects into dotted columns in the schema's order", () => {
    expect(csvColumns(schema)).toEqual(["slug", "lab.slug", "lab.country", "params.totalB", "modalities", "open"]);
  });

  it("merges the columns of a union's branches, first seen first", () => {
    const u = z.toJSONSchema(z.union([z.object({ kind: z.literal("a"), x: z.number() }), z.object({ kind: z.literal("b"), y: z.string() })]), { io: "output" });
    expect(csvColumns(u as never)).toEqual(["kind", "x", "y"]);
  });

  it("writes empty cells for null, JSON for arrays, and quotes commas, quotes and newlines", () => {
    const rows = [
      { slug: "a", lab: { slug: "x", country: null }, params: null, modalities: ["text", "image"], open: true },
      { slug: 'say "hi", ok', lab: { slug: "y", country: "US" }, params: { totalB: 1.5 }, modalities: [], open: false },
      { slug: "line\nbreak", lab: { slug: "z", country: "FR" }, params: { totalB: null }, modalities: ["text"], open: false },
    ];
    expect(toCsv(csvColumns(schema), rows)).toBe(
      "slug,lab.slug,lab.country,params.totalB,modalities,open\r\n" +
        'a,x,,,"[""text"",""image""]",true\r\n' +
        '"say ""hi"", ok",y,US,1.5,[],false\r\n' +
        '"line\nbreak",z,FR,,"[""text""]",false\r\n',
    );
  });

  it("writes only the header for an empty list", () => {
    expect(toCsv(["a", "b.c"], [])).toBe("a,b.c\r\n");
  });

  it("writes numbers as JSON does (no locale, no exponent surprises)", () => {
    expect([csvCell(0.1), csvCell(1e21), csvCell(-3), csvCell(undefined)]).toEqual(["0.1", "1e+21", "-3", ""]);
  });
});
