// Raw objects go into the evidence as proof, but nothing secret may ride along: tokens, passwords,
// keys. Type annotations ("X@odata.type", "@odata.*") are dropped too: they are not facts about the
// tenant, and without them a live object and its PowerShell export compare equal.
import type { RawObject } from "./coerce.js";

const SECRET = /(password|secret|privatekey|accesstoken|refreshtoken|bearer|credential)/i;

export function redactRaw(obj: RawObject): RawObject {
  return clean(obj) as RawObject;
}

function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v === null || typeof v !== "object") return v;
  const out: RawObject = {};
  for (const [k, value] of Object.entries(v as RawObject)) {
    if (k.startsWith("@odata.") || k.includes("@odata.")) continue;
    out[k] = SECRET.test(k) && value !== null && value !== "" ? "[redacted]" : clean(value);
  }
  return out;
}
