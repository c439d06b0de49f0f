import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "../components/Providers";
import { themeBootScript } from "../components/shell/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FrontierWatch", template: "%s · FrontierWatch" },
  description: "What AI capability costs, how fast it gets cheaper, who leads — every number with a date and a source.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // the boot script sets data-theme before hydration; React must not complain about it
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
