"use client";
/**
 * Filters in the URL, validated by a zod schema from lib/schemas (see url-filters.ts).
 *
 * mode "client": the URL is rewritten with history.replaceState; Next keeps useSearchParams in
 *   sync and no server round trip happens (data already on the page, or fetched by TanStack Query).
 * mode "server": router.replace re-renders the server components for the new URL (data that only
 *   the server can load); isPending is true until the new render arrives.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { z } from "zod";
import { readFilters, writeFilters, type FilterSchema } from "../../lib/schemas/url-filters";

export function useUrlFilters<S extends FilterSchema>(schema: S, mode: "client" | "server" = "client") {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  // the query string just written, until Next reports it through useSearchParams: inputs update at once
  const [written, setWritten] = useState<string | null>(null);
  const current = params?.toString() ?? "";
  useEffect(() => setWritten(null), [current]);
  const filters = useMemo(() => readFilters(schema, new URLSearchParams(written ?? current)), [schema, written, current]);
  // the newest query string, for patches that come faster than renders (two fields filled in a row
  // must both end up in the URL): the address bar itself in client mode, the last write in server mode
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  }, [current]);

  const setFilters = useCallback(
    (patch: Partial<z.infer<S>>) => {
      const base = readFilters(schema, new URLSearchParams(mode === "client" ? window.location.search : latest.current));
      const qs = writeFilters(schema, { ...base, ...patch }).toString();
      latest.current = qs;
      const url = qs ? `${pathname}?${qs}` : pathname;
      setWritten(qs);
      if (mode === "server") startTransition(() => router.replace(url, { scroll: false }));
      else window.history.replaceState(null, "", url);
    },
    [schema, pathname, router, mode],
  );
  const reset = useCallback(() => setFilters(schema.parse({}) as Partial<z.infer<S>>), [schema, setFilters]);

  return { filters, setFilters, reset, isPending };
}
