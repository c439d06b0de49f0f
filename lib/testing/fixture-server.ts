/**
 * A real HTTP server on 127.0.0.1 for tests of the real fetch code: serves recorded copies from
 * ../shared/data and the misbehaviours the fault tests need.
 */
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface FixtureServer {
  url(path: string): string;
  hits(path: string): number;
  /** request headers of the last hit of a path */
  lastHeaders(path: string): http.IncomingHttpHeaders | undefined;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, Handler> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const headers = new Map<string, http.IncomingHttpHeaders>();
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    headers.set(path, req.headers);
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    handler(req, res, n);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => hits.get(path) ?? 0,
    lastHeaders: (path) => headers.get(path),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Serves a file with an ETag derived from its size and mtime, answering 304 to a matching If-None-Match. */
export function serveFile(file: string, contentType = "application/json"): Handler {
  return (req, res) => {
    const st = statSync(file);
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": st.size, ETag: etag, "Last-Modified": new Date(st.mtimeMs).toUTCString() });
    createReadStream(file).pipe(res);
  };
}

export const respond = (status: number, body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { "Content-Type": "text/plain", ...headers }).end(body);
};

/** Different behaviour per hit: the n-th handler for the n-th request, the last one after that. */
export const sequence = (...handlers: Handler[]): Handler => (req, res, hit) => handlers[Math.min(hit, handlers.length) - 1]!(req, res, hit);

/** Accepts the request and never answers. */
export const hang: Handler = () => {};

/** Closes the connection without an answer (ECONNRESET / socket hang up). */
export const reset: Handler = (req) => req.socket.destroy();

/** Promises more bytes than it sends, then closes. */
export const truncated = (body: string): Handler => (req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body) * 2) });
  res.write(body);
  setTimeout(() => req.socket.destroy(), 20);
};

/** Streams `bytes` bytes of JSON-looking filler without a Content-Length. */
export const huge = (bytes: number): Handler => (_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => (sent = bytes));
  pump();
};
