"use client";
/** A page that failed to render says so, and offers a retry; the details are in the server log. */
import { useEffect } from "react";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main>
      <h1>This page could not be shown</h1>
      <p role="alert">Something went wrong while loading the data{error.digest ? ` (reference ${error.digest})` : ""}. The error was logged.</p>
      <button type="button" onClick={reset}>Try again</button>
    </main>
  );
}
