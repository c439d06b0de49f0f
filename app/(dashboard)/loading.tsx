/** Shown while a dashboard page renders on the server: the page's outline, not a spinner. */
export default function Loading() {
  return (
    <main aria-busy="true">
      <p role="status" className="muted">Loading…</p>
      <div className="skeleton" style={{ height: "2rem", width: "40%", margin: "0.5rem 0" }} />
      <div className="skeleton" style={{ height: "320px", margin: "1rem 0" }} />
    </main>
  );
}
