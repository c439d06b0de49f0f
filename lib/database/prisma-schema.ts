/**
 * A small reader of schema.prisma: enough of the model blocks (tables, columns, types,
 * nullability, keys, indexes, relations) to check that the SQL migrations build the same database.
 */
export interface PrismaColumn {
  field: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbType?: string;
  hasDefault: boolean;
}

export interface PrismaTable {
  model: string;
  table: string;
  columns: PrismaColumn[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: { columns: string[]; references: { model: string; columns: string[] } }[];
}

const SCALARS = new Set(["Int", "BigInt", "String", "Boolean", "DateTime", "Float", "Decimal", "Json", "Bytes"]);

function listArg(s: string): string[] {
  return s.split(",").map((x) => x.trim().replace(/\(.*\)$/, "")).filter(Boolean);
}

export function readPrismaSchema(text: string): PrismaTable[] {
  const tables: PrismaTable[] = [];
  const blocks = text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  const rawModels = [...blocks].map((m) => ({ model: m[1]!, body: m[2]! }));
  for (const { model, body } of rawModels) {
    const t: PrismaTable = { model, table: model, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    const relations: { fields: string[]; target: string; references: string[] }[] = [];
    for (const rawLine of body.split("\n")) {
      const line = rawLine.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      if (line.startsWith("@@")) {
        const map = /^@@map\("([^"]+)"\)/.exec(line);
        if (map) t.table = map[1]!;
        const id = /^@@id\(\[([^\]]+)\]/.exec(line);
        if (id) t.primaryKey = listArg(id[1]!);
        const uq = /^@@unique\(\[([^\]]+)\]/.exec(line);
        if (uq) t.uniques.push(listArg(uq[1]!));
        const ix = /^@@index\(\[([^\]]+)\]/.exec(line);
        if (ix) t.indexes.push(listArg(ix[1]!));
        continue;
      }
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!m) continue;
      const [, field, type, list, optional, attrs] = m as unknown as [string, string, string, string | undefined, string | undefined, string];
      if (!SCALARS.has(type)) {
        const rel = /@relation\([^)]*fields:\s*\[([^\]]+)\][^)]*references:\s*\[([^\]]+)\]/.exec(attrs);
        if (rel) relations.push({ fields: listArg(rel[1]!), target: type, references: listArg(rel[2]!) });
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field;
      t.columns.push({ field, column, type, optional: Boolean(optional), list: Boolean(list), dbType: /@db\.(\w+)/.exec(attrs)?.[1], hasDefault: /@default\(/.test(attrs) });
      if (/@id\b/.test(attrs)) t.primaryKey = [field];
      if (/@unique\b/.test(attrs)) t.uniques.push([field]);
    }
    const col = (f: string) => t.columns.find((c) => c.field === f)?.column ?? f;
    t.primaryKey = t.primaryKey.map(col);
    t.uniques = t.uniques.map((u) => u.map(col));
    t.indexes = t.indexes.map((u) => u.map(col));
    t.foreignKeys = relations.map((r) => ({ columns: r.fields.map(col), references: { model: r.target, columns: r.references } }));
    tables.push(t);
  }
  // resolve referenced columns to the target tables' column names
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const target = tables.find((x) => x.model === fk.references.model)!;
      fk.references = { model: target.table, columns: fk.references.columns.map((f) => target.columns.find((c) => c.field === f)?.column ?? f) };
    }
  }
  return tables;
}

/** The information_schema data_type Postgres reports for a Prisma scalar. */
export function expectedDataType(c: PrismaColumn): string {
  if (c.list) return "ARRAY";
  switch (c.type) {
    case "Int": return "integer";
    case "BigInt": return "bigint";
    case "String": return c.dbType === "Char" ? "character" : "text";
    case "Boolean": return "boolean";
    case "DateTime": return c.dbType === "Date" ? "date" : c.dbType === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone";
    case "Float": return "double precision";
    case "Decimal": return "numeric";
    case "Json": return "jsonb";
    case "Bytes": return "bytea";
    default: throw new Error(`unknown Prisma type ${c.type}`);
  }
}
