// A run's records on disk: each value appended once as JSON, read back by its key when a report
// asks. What stays in memory is the index (a key, an offset and a length: tens of bytes a domain),
// so a run of 50,000 domains holds no more of their evidence and findings than one of 100.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

/** Where each record is in the file: what a reader in another thread needs besides the path. */
export type SpoolIndex = Map<string, { at: number; length: number }>;

export class Spool<T> {
  private readonly fd: number;
  private readonly index: SpoolIndex;
  private size = 0;
  private closed = false;

  /**
   * A new file at `path` (created exclusively: a spool never writes through someone else's file),
   * or, with `index`, one written already (by the judge's thread, src/run/judge-thread.ts), opened to read.
   */
  constructor(private readonly path: string, index?: SpoolIndex) {
    this.fd = openSync(path, index ? "r" : "wx+", 0o600);
    this.index = index ?? new Map();
  }

  /** The index, for a reader of the same file (`new Spool(path, index)`). */
  get records(): SpoolIndex {
    return this.index;
  }

  /** Stores `value` under `key`; a key stored again replaces the earlier value. */
  put(key: string, value: T): void {
    const bytes = Buffer.from(JSON.stringify(value), "utf8");
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.index.set(key, { at: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The value stored under `key`, read from disk (a new object each time); undefined when none was. */
  get(key: string): T | undefined {
    const e = this.index.get(key);
    if (!e) return undefined;
    const bytes = Buffer.allocUnsafe(e.length);
    let done = 0;
    while (done < e.length) {
      const n = readSync(this.fd, bytes, done, e.length - done, e.at + done);
      if (n === 0) throw new Error(`the spool ${this.path} ends before ${key}'s record`);
      done += n;
    }
    return JSON.parse(bytes.toString("utf8")) as T;
  }

  /** The keys, in the order they were first stored. */
  keys(): string[] {
    return [...this.index.keys()];
  }

  get count(): number {
    return this.index.size;
  }

  /** Closes the file, leaving it on disk for a reader. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** Closes and deletes the file. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
