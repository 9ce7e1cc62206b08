// RFC 6901 JSON Pointers: how a finding names the evidence that proves it.

export function pointer(...tokens: string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
