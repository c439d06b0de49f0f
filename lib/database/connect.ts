/** Checks that a database answers, turning driver errors into one clear sentence. */
import pg from "pg";

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export async function checkDatabase(url: string, timeoutMs = 5000): Promise<{ version: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    const r = await client.query<{ server_version: string }>("SHOW server_version");
    return { version: r.rows[0]!.server_version };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const reason =
      e.code === "ECONNREFUSED" ? "connection refused (is the server running?)"
      : e.code === "ENOTFOUND" ? "host not found"
      : e.code === "3D000" ? "database does not exist"
      : e.code === "28P01" || e.code === "28000" ? "authentication failed"
      : /timeout/i.test(e.message) ? `no answer within ${timeoutMs} ms`
      : e.message;
    throw new DatabaseUnavailableError(`Database at ${redactUrl(url)} does not answer: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}
