// Raw objects go into the evidence as proof, but nothing secret may ride along: tokens, passwords,
// keys. Type annotations are dropped too ("@odata.*", "X@odata.type", and the admin API's own
// "X@data.type" side keys, as in rknightion/graph2otel's captured admin-API fixtures): they are not
// facts about the tenant, and without them a live object and its PowerShell export compare equal.
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
    if (isAnnotation(k)) continue;
    out[k] = SECRET.test(k) && value !== null && value !== "" ? "[redacted]" : clean(value);
  }
  return out;
}

/** "@odata.context", "Name@odata.type", "Name@data.type": annotations of a property, not properties. */
export function isAnnotation(key: string): boolean {
  return key.includes("@odata.") || /@data\.type$/i.test(key);
}
