// npm run --silent ingest -- <file|-> --published YYYY-MM-DD [--title T] [--publisher P]
//   [--url U] [--type txt|html|pdf] [--record db|seed] [--format json]
// Reads a report and prints the incidents it proposes (issue 13). Standard output carries
// the result only; any problem is one line on standard error and a non-zero exit.
import { readFileSync } from "node:fs";
import { extractText, inputTypeOf, IngestInputError, readReport, type InputType, type Reference } from "../lib/ingest/index.ts";
import { formatResult } from "../lib/ingest/format.ts";
import { referenceFromFiles } from "../lib/ingest/reference-files.ts";

class UsageError extends Error {}

const USAGE = "usage: npm run --silent ingest -- <file.txt|file.html|file.pdf|-> --published YYYY-MM-DD [--title T] [--publisher P] [--url U] [--type txt|html|pdf] [--record db|seed] [--format json]";

function parseArgs(argv: string[]) {
  const opts: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, inline] = a.slice(2).split("=", 2);
      if (!["published", "title", "publisher", "url", "format", "record", "type"].includes(k)) throw new UsageError(`unknown option --${k}`);
      const v = inline ?? argv[++i];
      if (v == null) throw new UsageError(`--${k} needs a value`);
      opts[k] = v;
    } else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "no input file given" : `one input file expected, got ${files.length}`);
  if (!opts.published) throw new UsageError("--published YYYY-MM-DD is required");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.published);
  const d = m ? new Date(`${opts.published}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== opts.published) throw new UsageError(`--published: "${opts.published}" is not a date in the form YYYY-MM-DD`);
  if (opts.format && opts.format !== "json" && opts.format !== "text") throw new UsageError(`--format: expected json or text, got "${opts.format}"`);
  if (opts.record && opts.record !== "db" && opts.record !== "seed") throw new UsageError(`--record: expected db or seed, got "${opts.record}"`);
  if (opts.type && !["txt", "html", "pdf"].includes(opts.type)) throw new UsageError(`--type: expected txt, html or pdf, got "${opts.type}"`);
  return { file: files[0], ...opts } as { file: string; published: string; title?: string; publisher?: string; url?: string; format?: string; record?: string; type?: InputType };
}

async function readAll(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function loadReference(which: string): Promise<Reference> {
  if (which === "seed") return referenceFromFiles();
  const { openDatabase } = await import("../lib/server/prisma-factory.ts");
  const { ingestReference } = await import("../lib/data/ingest-reference.ts");
  let database;
  try {
    database = openDatabase({ holder: "ingest" });
    return await ingestReference(database.prisma);
  } catch (e) {
    throw new Error(`cannot read the record from the database (${(e as Error).message.split("\n")[0]}); run npm run db:setup, stop the server, or use --record seed`);
  } finally {
    await database?.close().catch(() => {});
  }
}

async function main() {
  if (process.argv.includes("--help") || process.argv.includes("-h")) { process.stdout.write(`${USAGE}\n`); return; }
  const args = parseArgs(process.argv.slice(2));
  const type = args.type ?? (args.file === "-" ? "txt" : inputTypeOf(args.file));
  let bytes: Uint8Array;
  try {
    bytes = args.file === "-" ? await readAll() : new Uint8Array(readFileSync(args.file));
  } catch (e) {
    throw new IngestInputError(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  const text = await extractText(bytes, type);
  const ref = await loadReference(args.record ?? "db");
  const result = readReport(text, { published: args.published, title: args.title, publisher: args.publisher, url: args.url }, ref);
  process.stdout.write(args.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : `${formatResult(result)}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`ingest: ${msg.split("\n")[0]}${e instanceof UsageError ? " (npm run ingest -- --help)" : ""}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
