// What reaches the terminal. Everything the CLI prints passes a filter (main.ts: no secret, and
// no control character from outside, shown as \xNN instead); the few control sequences of our own
// (the progress line's carriage return and "erase line") go past it, through the write the filter
// replaced, and never carry outside text.
const RAW = Symbol.for("exo-posture.unfilteredWrite");

type Write = (chunk: string) => boolean;

/** Puts `filter` in front of every write to `stream`, keeping the original for writeControl. */
export function filterWrites(stream: NodeJS.WriteStream, filter: (text: string) => string): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (stream as unknown as Record<symbol, Write>)[RAW] = (chunk) => write(chunk);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
    if (text === null) return write(chunk, ...rest);
    const encodingGiven = typeof rest[0] === "string";
    return write(filter(text), ...(encodingGiven ? ["utf8", ...rest.slice(1)] : rest));
  }) as typeof stream.write;
}

/** A control sequence of our own (ECMA-48), written past the filter. */
export function writeControl(stream: NodeJS.WriteStream, sequence: string): void {
  const raw = (stream as unknown as Record<symbol, Write | undefined>)[RAW];
  if (raw) raw(sequence);
  else stream.write(sequence);
}
