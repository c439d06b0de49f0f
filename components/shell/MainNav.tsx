"use client";
/** The dashboard's navigation; marks the current section with aria-current. */
import Link from "next/link";
import { usePathname } from "next/navigation";

export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/frontier", label: "Frontier" },
  { href: "/trends", label: "Trends" },
  { href: "/open-vs-proprietary", label: "Open vs proprietary" },
  { href: "/labs", label: "Labs" },
  { href: "/models", label: "Models" },
  { href: "/providers", label: "Providers" },
  { href: "/calculator", label: "Calculator" },
  { href: "/news", label: "News" },
  { href: "/data", label: "Data" },
  { href: "/methodology", label: "Methodology" },
  { href: "/validation", label: "Validation" },
  { href: "/subscribe", label: "Digest" },
  { href: "/docs/api", label: "API" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav() {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined} prefetch={false}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
