import { defineConfig, devices } from "@playwright/test";
import { SMTP_PORT } from "./e2e/support/ports";
import { CHROMIUM_ARGS, findChromium } from "./scripts/find-chromium";

/**
 * Browser tests against the real app: `npm start`'s launcher with its own embedded database
 * (.data/e2e) and port, so a running dev instance is never touched.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);


// Debian's Chromium (or CHROMIUM_PATH); without one, Playwright's own browser if it was installed
const executablePath = findChromium();
const launchOptions = { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      FW_DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54349",
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
      ADMIN_TOKEN: "e2e-admin-token-0123456789",
      // the fuzz and contract specs send thousands of requests from one address; the rate-limit
      // spec starts its own instances with low limits (e2e/api-rate-limit.spec.ts)
      RATE_LIMIT_ANONYMOUS: "1000000",
      // mail goes to the capture server the subscription spec starts on this port
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      CONFIRM_RESEND_MINUTES: "0",
      // no live source is reachable from tests: only the curated load runs
      SOURCES: JSON.stringify(Object.fromEntries(["litellm", "openrouter", "openrouter-endpoints", "lmarena", "lmarena-history", "aider-polyglot", "aider-code-editing", "swe-bench", "epoch-benchmarks", "epoch-notable-models", "huggingface", "genai-prices", "llm-prices", "news-feeds", "livebench", "epoch-eci"].map((s) => [s, { enabled: false }]))),
    },
  },
});
