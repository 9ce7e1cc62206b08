// JSON.parse for files of any size up to what a Buffer holds. V8 caps a string at about 512 MB, so
// a large evidence file cannot be read as one string and parsed (issue 23, case 9: `evaluate` on
// 17,578 domains died with "Invalid string length"). Here the outer levels of the document are
// walked in the bytes, and each value smaller than `sliceBytes` (a domain's evidence, a finding) is
// parsed by JSON.parse, so every value is checked exactly as JSON.parse checks it (RFC 8259).

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;

/** Values up to this size go to JSON.parse whole. */
export const SLICE_BYTES = 64 * 1024 * 1024;

export function parseJsonBuffer(buf: Uint8Array, sliceBytes = SLICE_BYTES): unknown {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let start = skipSpace(bytes, 0);
  // RFC 8259 §8.1: a parser may ignore a byte order mark (PowerShell 5.1 writes one).
  if (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start = skipSpace(bytes, start + 3);
  let end = bytes.length;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (start >= end) throw new SyntaxError("Unexpected end of JSON input");
  return parseRange(bytes, start, end, sliceBytes);
}

function parseRange(b: Buffer, start: number, end: number, slice: number): unknown {
  const first = b[start];
  if (end - start <= slice || (first !== OPEN_OBJECT && first !== OPEN_ARRAY)) {
    try {
      return JSON.parse(b.toString("utf8", start, end));
    } catch (err) {
      throw new SyntaxError(`${(err as Error).message} (in the value at byte ${start})`, { cause: err });
    }
  }
  const close = first === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
  if (b[end - 1] !== close) throw unexpected(b, end - 1);
  const object: Record<string, unknown> = {};
  const array: unknown[] = [];
  let i = skipSpace(b, start + 1);
  if (i === end - 1) return first === OPEN_OBJECT ? object : array;
  for (;;) {
    if (first === OPEN_OBJECT) {
      if (b[i] !== QUOTE) throw unexpected(b, i);
      const keyEnd = stringEnd(b, i, end);
      const key = JSON.parse(b.toString("utf8", i, keyEnd)) as string;
      i = skipSpace(b, keyEnd);
      if (b[i] !== COLON) throw unexpected(b, i);
      i = skipSpace(b, i + 1);
      const valueEnd = valueEndAt(b, i, end);
      // As JSON.parse: "__proto__" is a member like any other, never the prototype.
      Object.defineProperty(object, key, { value: parseRange(b, i, valueEnd, slice), enumerable: true, writable: true, configurable: true });
      i = skipSpace(b, valueEnd);
    } else {
      const valueEnd = valueEndAt(b, i, end);
      array.push(parseRange(b, i, valueEnd, slice));
      i = skipSpace(b, valueEnd);
    }
    if (i === end - 1) return first === OPEN_OBJECT ? object : array;
    if (b[i] !== COMMA) throw unexpected(b, i);
    i = skipSpace(b, i + 1);
  }
}

/** Where the value starting at i ends (one past its last byte). */
function valueEndAt(b: Buffer, i: number, end: number): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i, end);
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < end; j++) {
      const d = b[j];
      if (d === QUOTE) j = stringEnd(b, j, end) - 1;
      else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
      else if (d === CLOSE_OBJECT || d === CLOSE_ARRAY) {
        if (--depth === 0) return j + 1;
      }
    }
    throw new SyntaxError(`Unexpected end of JSON input (the value at byte ${i} is not closed)`);
  }
  // A number, true, false or null: up to the next separator; JSON.parse checks it.
  let j = i;
  while (j < end && b[j] !== COMMA && b[j] !== CLOSE_OBJECT && b[j] !== CLOSE_ARRAY && !isSpace(b[j]!)) j++;
  if (j === i) throw unexpected(b, i);
  return j;
}

/** One past the closing quote of the string whose opening quote is at i. */
function stringEnd(b: Buffer, i: number, end: number): number {
  let j = i + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, j);
    if (q < 0 || q >= end) throw new SyntaxError(`Unterminated string in JSON at byte ${i}`);
    let backslashes = 0;
    for (let k = q - 1; k > i && b[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length && isSpace(b[i]!)) i++;
  return i;
}

// RFC 8259 §2: space, horizontal tab, line feed, carriage return.
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function unexpected(b: Buffer, i: number): SyntaxError {
  return new SyntaxError(i >= b.length ? "Unexpected end of JSON input" : `Unexpected ${JSON.stringify(String.fromCharCode(b[i]!))} in JSON at byte ${i}`);
}
