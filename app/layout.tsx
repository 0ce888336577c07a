import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";
import "./print.css";
import { Suspense } from "react";
import { PrintUrl } from "@/components/print-url.tsx";
import { DataStampLine } from "@/components/data-stamp.tsx";

export const metadata: Metadata = {
  title: { default: "Corridor Watch", template: "%s · Corridor Watch" },
  description: "Attacks on Chinese nationals and Chinese-linked interests in Pakistan, every figure traced to its sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/incidents", label: "Incidents" },
  { href: "/groups", label: "Groups" },
  { href: "/projects", label: "Projects" },
  { href: "/methodology", label: "Methodology" },
  { href: "/changes", label: "Changes" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand">Corridor Watch</Link>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li key={n.href}><Link href={n.href}>{n.label}</Link></li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          Every figure links to its sources. Where sources disagree, both are shown.{" "}
          <Link href="/methodology">How we count</Link>.
          <Suspense fallback={null}><DataStampLine /></Suspense>{" "}
          <Link href="/sign-in">Editors’ sign-in</Link>.
          <PrintUrl />
        </footer>
      </body>
    </html>
  );
}
