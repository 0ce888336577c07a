import type { FilterProblem } from "@/lib/filters.ts";
import styles from "./filters.module.css";

/**
 * Says which query parameters could not be used. parseFilters has already dropped them, so
 * the view below is the same view without them: the notice says so rather than failing.
 * Renders nothing when there are no problems.
 */
export function FilterProblems({ problems }: { problems: FilterProblem[] }) {
  if (!problems.length) return null;
  const params = [...new Set(problems.map((p) => p.param))];
  return (
    <div role="alert" className={styles.problems}>
      <p className={styles.problemsTitle}>
        {params.length === 1 ? "One filter in the address" : `${params.length} filters in the address`} could not be used
        ({params.map((p, n) => <span key={p}>{n > 0 && ", "}<code>{p}</code></span>)}), so the view below ignores {params.length === 1 ? "it" : "them"}:
      </p>
      <ul>
        {problems.map((p, n) => (
          <li key={n}><code>{p.param}</code>: {p.message}</li>
        ))}
      </ul>
    </div>
  );
}
