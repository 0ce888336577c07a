import Link from "next/link";
import type { Links } from "@/lib/data/groups.ts";
import { viewHref } from "@/lib/links.ts";
import styles from "./groups.module.css";

/** Weakly-linked incidents are out by default, as everywhere else; this link puts them in or takes them out. */
export function LinksToggle({ links, path }: { links: Links; path: string }) {
  return (
    <p className={styles.toggle}>
      {links === "direct" ? (
        <>Counting incidents that harmed Chinese nationals or directly targeted Chinese interests. <Link href={viewHref(path, { links: "all" })}>Include weakly linked incidents</Link></>
      ) : (
        <>Counting all incidents, weakly linked ones included. <Link href={path}>Count direct links only</Link></>
      )}
    </p>
  );
}
