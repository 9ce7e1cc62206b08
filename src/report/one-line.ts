// Text from outside on one terminal line: control characters (ANSI escapes, line breaks) never
// reach the terminal, and a long text is cut with "...".
export function oneLine(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
