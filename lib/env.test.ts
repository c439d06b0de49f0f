import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { isLocalDatabaseUrl, assertLocalDatabase } from "./database/guard";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.START_WORKER).toBe(true);
  });
  it("names every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "http", DATABASE_URL: "mysql://x", ADMIN_TOKEN: "short" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    try {
      parseEnv({ PORT: "70000", ADMIN_TOKEN: "short" });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
    }
  });
  it("treats an empty string as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

describe("the local-database guard", () => {
  it("accepts this machine only", () => {
    expect(isLocalDatabaseUrl("postgresql://u:p@127.0.0.1:5432/test")).toBe(true);
    expect(isLocalDatabaseUrl("postgres://localhost/test")).toBe(true);
    expect(isLocalDatabaseUrl("postgresql://[::1]:5432/x")).toBe(true);
    expect(isLocalDatabaseUrl("postgresql://db.example.com/prod")).toBe(false);
    expect(isLocalDatabaseUrl("postgresql://10.0.0.5/prod")).toBe(false);
    expect(isLocalDatabaseUrl("not a url")).toBe(false);
    expect(() => assertLocalDatabase("postgresql://db.example.com/prod")).toThrow(/non-local database \(host "db.example.com"\)/);
  });
});
