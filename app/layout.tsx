import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "../components/Providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FrontierWatch", template: "%s · FrontierWatch" },
  description: "What AI capability costs, how fast it gets cheaper, who leads — every number with a date and a source.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site">
          <a className="brand" href="/">FrontierWatch</a>
          <nav aria-label="Main">
            <a href="/">Overview</a>
            <a href="/data">Data</a>
            <a href="/methodology">Methodology</a>
            <a href="/validation">Validation</a>
            <a href="/docs/api">API</a>
            <a href="/api/health">Health</a>
            <a href="/digest/preview">Digest preview</a>
          </nav>
        </header>
        <Providers>{children}</Providers>
        <footer className="site">Open data on AI prices and capability. Every number carries its source and date.</footer>
      </body>
    </html>
  );
}
