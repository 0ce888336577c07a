// PGlite has no cross-process lock: two processes that open one data directory both write
// to it and silently lose each other's changes. This adds the missing lock: a file in the
// data directory that names the process holding it. Migrate, seed, import and the server all
// take it before they open the directory, and refuse with a clear message when another live
// process holds it. A lock left by a process that died is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "corridor-watch.lock";

export class DataDirLockedError extends Error {}

type Holder = { pid: number; holder: string; since: string };

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

function readHolder(path: string): Holder | null {
  try { return JSON.parse(readFileSync(path, "utf8")) as Holder; } catch { return null; }
}

/** Takes the lock on a PGlite data directory for this process; returns the function that releases it. */
export function lockDataDir(dir: string, holder: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx"); // fails if the file exists: the atomic test-and-set
      writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() } satisfies Holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readHolder(path)?.pid === process.pid) { try { unlinkSync(path); } catch { /* already gone */ } }
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const current = readHolder(path);
      if (current && current.pid === process.pid) throw new DataDirLockedError(`${dir} is already open in this process (${current.holder}); open it once and share the handle`);
      if (current && alive(current.pid)) {
        throw new DataDirLockedError(
          `The embedded database at ${dir} is in use by ${current.holder} (process ${current.pid}, since ${current.since}). ` +
          `PGlite cannot be shared between processes without losing writes: stop that process first` +
          (current.holder === "server" ? " (stop the dashboard server, then run this command again)." : ", then try again."),
        );
      }
      try { unlinkSync(path); } catch { /* another process took it over first; retry */ }
    }
  }
  throw new DataDirLockedError(`could not take the lock on ${dir}; another process keeps taking it`);
}
