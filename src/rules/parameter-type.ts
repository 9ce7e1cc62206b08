// A pack parameter's type, so a config value of the wrong type is refused at load with its file and
// line (`spfMaxLookups: "10"` used to load, then make spf.valid an error "no matching overload" in
// every domain; issue 27). Declared in pack.yaml as `type`, or read from the default.

export type ParameterType =
  | { kind: "number" | "string" | "boolean" | "list of strings" | "list of objects"; nullable: boolean }
  | { kind: "one of"; values: string[]; nullable: boolean };

/** The declared type, else the default's: a number, a string, a boolean, a list of strings or of objects. */
export function parameterType(p: { default?: unknown; type?: string | undefined }): ParameterType | null {
  const declared = p.type?.trim();
  if (declared) {
    const nullable = / or null$/.test(declared);
    const base = declared.replace(/ or null$/, "");
    const oneOf = /^one of (.+)$/.exec(base);
    if (oneOf) return { kind: "one of", values: oneOf[1]!.split(/\s*,\s*/), nullable };
    if (base === "number" || base === "string" || base === "boolean" || base === "list of strings" || base === "list of objects") return { kind: base, nullable };
    return null;
  }
  const d = p.default;
  if (typeof d === "number") return { kind: "number", nullable: false };
  if (typeof d === "string") return { kind: "string", nullable: false };
  if (typeof d === "boolean") return { kind: "boolean", nullable: false };
  if (Array.isArray(d) && d.every((x) => typeof x === "string")) return { kind: "list of strings", nullable: false };
  if (Array.isArray(d)) return { kind: "list of objects", nullable: false };
  return null;
}

export function describeType(t: ParameterType): string {
  const base = t.kind === "one of" ? `one of ${t.values.join(", ")}` : `a ${t.kind}`;
  return t.nullable ? `${base} or null` : base;
}

/** Why `value` does not fit `t`, or null when it does. */
export function typeProblem(t: ParameterType, value: unknown): string | null {
  if (value === null) return t.nullable ? null : "null";
  const got = typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : Array.isArray(value) ? "a list" : typeof value;
  switch (t.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : got;
    case "string":
      return typeof value === "string" ? null : got;
    case "boolean":
      // YAML reads true/false unquoted; "no" or "false" in quotes is a string, refused.
      return typeof value === "boolean" ? null : got;
    case "one of":
      return typeof value === "string" && t.values.includes(value) ? null : got;
    case "list of strings":
      return Array.isArray(value) && value.every((x) => typeof x === "string") ? null : Array.isArray(value) ? "a list with an item that is not a string" : got;
    case "list of objects":
      return Array.isArray(value) && value.every((x) => x !== null && typeof x === "object" && !Array.isArray(x)) ? null : Array.isArray(value) ? "a list with an item that is not an object" : got;
  }
}
