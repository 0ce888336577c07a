// Answers computed from the database, kept until the data changes. Each entry is stored
// with the data version (lib/data/data-version.ts) read before it was computed, and is
// served only to a request that read the same version: a write anywhere bumps the version
// in the writer's own transaction, so the first request that can see the new rows also
// sees the new version and computes afresh. Nothing is ever served from older data than
// the request itself would read.
//
// Concurrent requests for a missing entry share one computation (single flight), so a
// burst of visitors after an import costs one set of scans, not one per visitor.

type Entry<T> = { version: bigint; value: Promise<T> };

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private newest = -1n;

  /** @param maxEntries the least recently used entries beyond this are dropped, so memory stays bounded. */
  constructor(private readonly maxEntries: number) {}

  get(version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
    // A newer version makes every older entry useless: drop them at once rather than one by one.
    if (version > this.newest) { this.entries.clear(); this.newest = version; }
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key); // re-inserted last: the Map's order is the recency order
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    // A request that read an older version than the newest seen still gets its answer, but
    // must not displace the entry that newer requests use.
    if (version < this.newest) return value;
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failed computation is not kept: the next request tries again.
    value.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number { return this.entries.size; }
}
