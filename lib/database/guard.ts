/** Tests and destructive scripts refuse any database that is not on this machine. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function isLocalDatabaseUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) return false;
  const host = parsed.hostname || parsed.searchParams.get("host") || "";
  // a unix socket path is local too
  return LOCAL_HOSTS.has(host) || host.startsWith("/") || host.startsWith("%2F");
}

export function assertLocalDatabase(url: string): void {
  if (!isLocalDatabaseUrl(url)) {
    const host = (() => {
      try {
        return new URL(url).hostname;
      } catch {
        return "(unparseable URL)";
      }
    })();
    throw new Error(`Refusing to run tests against a non-local database (host "${host}"). Tests only run on localhost.`);
  }
}
