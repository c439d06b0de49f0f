import { defineConfig } from "vitest/config";

// Two projects: `unit` (pure code, no I/O) and `db` (real Postgres, see lib/testing/db-setup.ts).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["{lib,ingest,emails,components,app,scripts}/**/*.test.{ts,tsx}"], exclude: ["**/*.db.test.ts", "node_modules/**"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["{lib,ingest,emails,app}/**/*.db.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/db-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
