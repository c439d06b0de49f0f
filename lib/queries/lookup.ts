/** Slugs named by API parameters, turned into ids. */
import { getPool } from "../db";
import { ApiError } from "../errors";

/** A filter that names something that does not exist is a 404 naming the parameter, not an empty list. */
export async function idOfSlug(table: "models" | "labs" | "providers" | "sources" | "benchmarks", slug: string, param: string): Promise<number> {
  const r = await getPool().query<{ id: number }>(`SELECT id FROM ${table} WHERE slug = $1`, [slug]);
  if (!r.rows[0]) {
    const what = { models: "model", labs: "lab", providers: "provider", sources: "source", benchmarks: "benchmark" }[table];
    throw new ApiError("not_found", `No ${what} "${slug}"`, [{ field: param, message: `no ${what} with this slug` }]);
  }
  return r.rows[0].id;
}
