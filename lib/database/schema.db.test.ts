import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/db";
import { readMigrations } from "./migrate";
import { BENCHMARK_CATEGORIES, BENCHMARK_UNITS, DOMAINS, HARDWARE_KINDS, LAB_KINDS, PRICE_TIERS, PROVIDER_KINDS } from "../domain";
import { expectedDataType, readPrismaSchema } from "./prisma-schema";

const { pool } = useTestDatabase();
const tables = readPrismaSchema(readFileSync("prisma/schema.prisma", "utf8"));

describe("the migrated database matches schema.prisma", () => {
  it("has exactly the tables of the schema (plus Prisma's migration table)", async () => {
    const r = await pool().query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(r.rows.map((x) => x.table_name).sort()).toEqual([...tables.map((t) => t.table), "_prisma_migrations"].sort());
    expect(tables.length).toBeGreaterThanOrEqual(20);
  });

  it("has every column with the schema's type and nullability, and no others", async () => {
    const r = await pool().query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = r.rows.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}${c.is_nullable === "YES" ? " null" : ""}`).sort();
    const expected = tables.flatMap((t) => t.columns.map((c) => `${t.table}.${c.column} ${expectedDataType(c)}${c.optional || c.list ? " null" : ""}`)).sort();
    expect(actual).toEqual(expected);
    for (const t of tables) for (const c of t.columns.filter((x) => x.hasDefault)) {
      const col = r.rows.find((x) => x.table_name === t.table && x.column_name === c.column)!;
      expect(col.column_default, `${t.table}.${c.column} has a default`).not.toBeNull();
    }
  });

  it("has the schema's primary keys, unique keys and indexes", async () => {
    const r = await pool().query<{ table: string; columns: string[]; is_unique: boolean; is_primary: boolean; partial: boolean }>(
      `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns, ix.indisunique AS is_unique, ix.indisprimary AS is_primary, ix.indpred IS NOT NULL AS partial
       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       -- the key columns (INCLUDEd columns only ride along: a covering index keeps its key)
       WHERE n.nspname = 'public' AND k.ord <= ix.indnkeyatts GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary, ix.indpred`,
    );
    const has = (table: string, cols: string[], pred: (x: (typeof r.rows)[number]) => boolean) => r.rows.some((x) => x.table === table && x.columns.join(",") === cols.join(",") && pred(x));
    for (const t of tables) {
      expect(has(t.table, t.primaryKey, (x) => x.is_primary), `${t.table} primary key (${t.primaryKey})`).toBe(true);
      for (const u of t.uniques) expect(has(t.table, u, (x) => x.is_unique && !x.partial), `${t.table} unique (${u})`).toBe(true);
      for (const i of t.indexes) expect(has(t.table, i, () => true), `${t.table} index (${i})`).toBe(true);
    }
  });

  it("has a foreign key for every relation", async () => {
    const r = await pool().query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS table, array(SELECT attname::text FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey)) AS columns,
              c.confrelid::regclass::text AS ref_table, array(SELECT attname::text FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey)) AS ref_columns
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const actual = r.rows.map((f) => `${f.table.replace(/"/g, "")}(${f.columns}) -> ${f.ref_table.replace(/"/g, "")}(${f.ref_columns})`).sort();
    const expected = tables.flatMap((t) => t.foreignKeys.map((f) => `${t.table}(${f.columns}) -> ${f.references.model}(${f.references.columns})`)).sort();
    expect(actual).toEqual(expected);
  });

  it("records every migration as Prisma does, with the file's sha256 as checksum", async () => {
    const files = await readMigrations("prisma/migrations");
    const r = await pool().query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);
    expect(r.rows.map((x) => x.migration_name)).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const row = r.rows.find((x) => x.migration_name === f.name)!;
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(`prisma/migrations/${f.name}/migration.sql`)).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });
});

describe("the database's CHECK vocabularies match lib/domain.ts", () => {
  it.each([
    ["labs_kind_check", LAB_KINDS],
    ["providers_kind_check", PROVIDER_KINDS],
    ["providers_hardware_check", HARDWARE_KINDS],
    ["models_domain_check", DOMAINS],
    ["price_points_tier_check", PRICE_TIERS],
    ["benchmarks_unit_check", BENCHMARK_UNITS],
    ["benchmarks_category_check", BENCHMARK_CATEGORIES],
  ] as const)("%s", async (constraint, values) => {
    const r = await pool().query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`, [constraint]);
    const listed = [...r.rows[0]!.def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...values].sort());
  });
});
