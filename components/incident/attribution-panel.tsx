import Link from "next/link";
import type { GroupAttributions } from "@/lib/data/incident-detail.ts";
import { ATTRIBUTION_ROLES } from "@/lib/vocab.ts";
import { SourceCite } from "@/components/sources/source-cite.tsx";
import { sourceAnchor } from "@/components/sources/source-list.tsx";
import { Quote } from "@/components/sources/quote.tsx";
import styles from "./incident.module.css";
import { groupHref } from "@/lib/links.ts";

/** wrap: let a long label break, where a narrow table column holds it. */
export function RoleTag({ role, wrap = false }: { role: keyof typeof ATTRIBUTION_ROLES; wrap?: boolean }) {
  return <span className={styles[`role_${role}`]} style={wrap ? { whiteSpace: "normal" } : undefined}>{ATTRIBUTION_ROLES[role]}</span>;
}

/** One card per group, every claim about it inside: a claim and its denial are read together. */
export function AttributionPanel({ groups }: { groups: GroupAttributions[] }) {
  if (!groups.length) return <p>No source names a perpetrator. The attack is unattributed.</p>;
  return (
    <div className={styles.groups}>
      {groups.map((g) => (
        <section key={g.group.id} className={g.denied ? styles.groupCardContested : styles.groupCard} aria-labelledby={`group-${g.group.id}`}>
          <h3 id={`group-${g.group.id}`} className={styles.groupName}>
            <Link href={groupHref(g.group.id)}>{g.group.name}</Link>{" "}
            {g.group.shortName !== g.group.name && <span className="muted">({g.group.shortName})</span>}
          </h3>
          {g.denied && <p className="muted" style={{ margin: "0 0 0.25rem" }}>Named as responsible, and denies it.</p>}
          <ul className={styles.claims}>
            {g.claims.map((c) => (
              <li key={c.id}>
                <RoleTag role={c.role} />
                <span className={styles.statedBy}>{c.statedBy ? <>stated by {c.statedBy}</> : <span className="muted">no speaker named</span>}</span>
                {c.quote && <Quote text={c.quote} note={c.note} />}
                {!c.quote && c.note && <p className="muted">{c.note}</p>}
                <div>Source: <SourceCite source={c.source} href={`#${sourceAnchor(c.source.id)}`} /></div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
