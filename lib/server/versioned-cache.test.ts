import { describe, expect, it } from "vitest";
import { VersionedCache } from "./versioned-cache.ts";

const counter = () => {
  let calls = 0;
  return { compute: (v: string) => async () => { calls++; return v; }, calls: () => calls };
};

describe("VersionedCache", () => {
  it("computes once per key and version, and again when the version moves", async () => {
    const cache = new VersionedCache<string>(10);
    const c = counter();
    expect(await cache.get(1n, "a", c.compute("a1"))).toBe("a1");
    expect(await cache.get(1n, "a", c.compute("a1 again"))).toBe("a1");
    expect(c.calls()).toBe(1);
    expect(await cache.get(2n, "a", c.compute("a2"))).toBe("a2");
    expect(c.calls()).toBe(2);
  });

  it("drops every older entry when a newer version arrives", async () => {
    const cache = new VersionedCache<string>(10);
    await cache.get(1n, "a", async () => "a");
    await cache.get(1n, "b", async () => "b");
    expect(cache.size).toBe(2);
    await cache.get(2n, "c", async () => "c");
    expect(cache.size).toBe(1);
  });

  it("shares one computation between concurrent requests", async () => {
    const cache = new VersionedCache<number>(10);
    let calls = 0;
    let release!: (n: number) => void;
    const slow = () => { calls++; return new Promise<number>((r) => { release = r; }); };
    const first = cache.get(1n, "k", slow);
    const second = cache.get(1n, "k", slow);
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(calls).toBe(1);
  });

  it("does not keep a failure", async () => {
    const cache = new VersionedCache<string>(10);
    await expect(cache.get(1n, "k", async () => { throw new Error("database down"); })).rejects.toThrow("database down");
    expect(await cache.get(1n, "k", async () => "recovered")).toBe("recovered");
  });

  it("answers a request that read an older version without storing its answer", async () => {
    const cache = new VersionedCache<string>(10);
    await cache.get(2n, "k", async () => "new");
    expect(await cache.get(1n, "k", async () => "old")).toBe("old");
    expect(await cache.get(2n, "k", async () => "recomputed")).toBe("new");
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get(1n, "a", async () => "a");
    await cache.get(1n, "b", async () => "b");
    await cache.get(1n, "a", async () => "a again"); // a is now the most recent
    await cache.get(1n, "c", async () => "c"); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get(1n, "a", async () => "a recomputed")).toBe("a");
    expect(await cache.get(1n, "b", async () => "b recomputed")).toBe("b recomputed");
  });
});
