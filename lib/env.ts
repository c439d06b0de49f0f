/**
 * The one place that reads process.env. Parsed once; a bad value stops the process with every
 * offending variable named.
 */
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce.number().int().min(1).max(65535);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Postgres connection string; when unset an embedded PostgreSQL is started under FW_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Where the embedded database and other local state live. */
  FW_DATA_DIR: z.string().min(1).default(".data"),
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  EMBEDDED_PG_PORT: port.default(54329),
  /** HTTP port of the dashboard and API. */
  PORT: port.default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** Base URL used in links that leave the app (emails). */
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the ingest worker inside `npm start` (set false when workers run as separate processes). */
  START_WORKER: bool.default(true),
  /** Cron schedule of the curated dataset reload (it also runs at every start). */
  CURATED_SCHEDULE: z.string().min(9).default("17 3 * * *"),
  /**
   * Per-source overrides as JSON: {"litellm": {"urls": ["http://…"], "schedule": "0 * * * *", "enabled": false}}.
   * Production uses each adapter's live URL and default schedule; tests point sources at 127.0.0.1.
   */
  SOURCES: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.strictObject({ urls: z.array(z.url()).min(1).optional(), schedule: z.string().min(9).optional(), enabled: z.boolean().optional() })))
    .default({}),
  /** Models whose OpenRouter endpoints (per-provider prices) are fetched, comma-separated OpenRouter ids. */
  OPENROUTER_ENDPOINT_MODELS: z
    .string()
    .default("deepseek/deepseek-chat,meta-llama/llama-3.3-70b-instruct,qwen/qwen3-235b-a22b,openai/gpt-oss-120b,moonshotai/kimi-k2,z-ai/glm-4.6")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean)),
  /** Folder of the curated dataset. */
  CURATED_DIR: z.string().min(1).default("prisma/seed"),
  /** Token for admin routes (ingest trigger, digest preview for a subscriber); unset disables them. */
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** API rate limits: requests per window (fixed windows counted in Postgres, shared by every web instance). */
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** per client address without an API key */
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).max(10_000_000).default(60),
  /** per key of the `standard` tier */
  RATE_LIMIT_STANDARD: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** per key of the `partner` tier */
  RATE_LIMIT_PARTNER: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  /** SMTP server for the digest, e.g. smtp://user:pass@smtp.example.com:587 */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).default("FrontierWatch <digest@frontierwatch.local>"),
  /** Key that signs subscription links (confirm, manage, unsubscribe); unset: one is generated once and kept in the database. */
  SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** How long a confirmation link stays valid, in hours. */
  CONFIRM_LINK_TTL_HOURS: z.coerce.number({ message: "expected a number" }).int().min(1).max(24 * 30).default(72),
  /** When the weekly digest goes out: a cron expression (pg-boss) in DIGEST_TIMEZONE; "off" disables it. */
  DIGEST_SCHEDULE: z.string().min(9, "a cron expression such as '0 8 * * 1', or off").or(z.literal("off")).default("0 8 * * 1"),
  /** IANA time zone of DIGEST_SCHEDULE. */
  DIGEST_TIMEZONE: z.string().refine((tz) => { try { new Intl.DateTimeFormat("en", { timeZone: tz }); return true; } catch { return false; } }, "not an IANA time zone (e.g. Europe/Paris)").default("UTC"),
  /** How many digest emails are in flight at once. */
  DIGEST_CONCURRENCY: z.coerce.number({ message: "expected a number" }).int().min(1).max(100).default(8),
  /** A second confirmation email to one address waits this many minutes (so the form cannot flood an inbox). */
  CONFIRM_RESEND_MINUTES: z.coerce.number({ message: "expected a number" }).int().min(0).max(24 * 60).default(10),
  /** Tests only: a local Postgres server to run the DB tests on (a fresh database is created on it). */
  TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
  /** Tests only: hold each ingest write transaction open this long before COMMIT (to test a crash mid-write). */
  INGEST_TEST_PAUSE_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  /** Tests only: port of the embedded PostgreSQL used by the DB tests. */
  TEST_PG_PORT: port.default(54339),
});

export type Env = z.infer<typeof envSchema>;

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

/** Parses an environment (process.env by default); throws one error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // empty strings mean "not set", as in most .env tooling
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new Error(`Invalid environment:\n${formatEnvError(result.error)}`);
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Absolute path of the local state folder. */
export function dataDir(env: Env = getEnv()): string {
  return path.resolve(env.FW_DATA_DIR);
}

/** The DATABASE_URL, which the launcher sets after starting the embedded database. */
export function requireDatabaseUrl(env: Env = getEnv()): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database");
  return env.DATABASE_URL;
}

/** Records the database this process uses (after the embedded one starts); child processes inherit it. */
export function useDatabaseUrl(url: string): void {
  cached = { ...getEnv(), DATABASE_URL: url };
  process.env.DATABASE_URL = url;
}

/** Records the SMTP server this process sends to (tests point it at their local capture server). */
export function useSmtpUrl(url: string): void {
  cached = { ...getEnv(), SMTP_URL: url };
  process.env.SMTP_URL = url;
}
