import type { ReactNode } from "react";
import { MainNav } from "../../components/shell/MainNav";
import { ThemeToggle } from "../../components/shell/ThemeToggle";

/** The shell every dashboard page shares: skip link, navigation, theme toggle, footer. */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#content">Skip to content</a>
      <header className="site">
        <a className="brand" href="/">FrontierWatch</a>
        <MainNav />
        <ThemeToggle />
      </header>
      <div id="content" tabIndex={-1}>{children}</div>
      <footer className="site">
        Open data on AI prices and capability. Every number carries its source and date.{" "}
        <a href="/api/v1/models">API</a> · <a href="/api/health">Health</a> · <a href="/digest/preview">Digest preview</a>
      </footer>
    </>
  );
}
