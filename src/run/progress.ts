// What a run tells its caller as it goes (assess's `progress` option): each domain as it is
// handed to the judge, with how many are done and how many had something that could not be found
// out, and each step of the run (the CLI's live line and --verbose read these).
import type { DomainEvidence } from "../evidence/domain.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";

export type ProgressEvent =
  | { kind: "domain"; name: string; done: number; total: number; unknown: number; hadUnknown: boolean }
  | { kind: "step"; message: string };

export type ProgressListener = (event: ProgressEvent) => void;

/** Counts domains as they are done; `unknown`: those whose evidence, or an MX host's, holds an error. */
export function domainCounter(total: number, listener: ProgressListener): (domain: DomainEvidence, hosts: Record<string, MxHostEvidence>) => void {
  let done = 0;
  let unknown = 0;
  // An MX host serves many domains: looked through once.
  const hostUnknown = new WeakMap<object, boolean>();
  return (domain, hosts) => {
    done++;
    let had = holdsError(domain);
    for (const h of Object.values(hosts)) {
      let u = hostUnknown.get(h);
      if (u === undefined) hostUnknown.set(h, (u = holdsError(h)));
      had ||= u;
    }
    if (had) unknown++;
    listener({ kind: "domain", name: domain.name, done, total, unknown, hadUnknown: had });
  };
}

/** Whether evidence holds an error anywhere: an `error` (or `errors`) with a code, the shape every probe records (src/evidence/errors.ts). */
export function holdsError(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(holdsError);
  for (const [key, v] of Object.entries(value)) {
    if (key === "error" && v !== null && typeof v === "object" && "code" in v) return true;
    if (holdsError(v)) return true;
  }
  return false;
}
