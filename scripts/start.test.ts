import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

/** Runs the launcher until it exits; these cases stop before anything is built or served. */
function launch(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, LOG_LEVEL: "silent", ...env } });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.stdout.on("data", (c) => (stdout += c));
    child.on("exit", (code) => resolve({ code, stderr, stdout }));
  });
}

describe("npm start on bad setups", () => {
  it("says in one line that a DATABASE_URL does not answer", async () => {
    const r = await launch({ DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/nothing", PORT: "39001" });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe("[frontierwatch] error: Database at postgresql://nobody:***@127.0.0.1:1/nothing does not answer: connection refused (is the server running?)");
  }, 30_000);

  it("says clearly that the port is in use", async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(39002, "0.0.0.0", () => r()));
    try {
      const r = await launch({ PORT: "39002", DATABASE_URL: "postgresql://127.0.0.1:1/x" });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe("[frontierwatch] error: Port 39002 is already in use: cannot start the dashboard on port 39002 (set PORT to another port). Stop the other process or choose another port.");
    } finally {
      server.close();
    }
  }, 30_000);

  it("names every invalid variable", async () => {
    const r = await launch({ PORT: "not-a-port", SMTP_URL: "http://x" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  }, 30_000);
});
