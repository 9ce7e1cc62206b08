// Runs a list of probes for one subject and assembles their sections into one object. Every probe
// starts at once; a probe that needs another's section (the MTA-STS policy needs the MX hosts, the
// mail path needs the gateway) awaits it by key, so independent probes overlap and each section is
// made exactly once. Probes never reject: they record failures as evidence errors.

/** One registry line: the evidence key it fills, a name for people, and the function. */
export interface ProbeEntry<S, Run> {
  key: keyof S & string;
  name: string;
  run: (run: Run & SectionSource<S>) => Promise<S[keyof S]>;
}

export interface SectionSource<S> {
  /** Another probe's section of the same subject, once it is made. */
  section<K extends keyof S>(key: K): Promise<S[K]>;
}

/** A typed registry line: `run` must return the type of the section at `key`. */
export function entry<S, Run>() {
  return <K extends keyof S & string>(key: K, name: string, run: (run: Run & SectionSource<S>) => Promise<S[K]>): ProbeEntry<S, Run> => ({
    key,
    name,
    run: run as ProbeEntry<S, Run>["run"],
  });
}

export async function runProbes<S, Run extends object>(probes: readonly ProbeEntry<S, Run>[], run: Run): Promise<S> {
  const pending = new Map<keyof S, Promise<unknown>>();
  const source: SectionSource<S> = {
    section: <K extends keyof S>(key: K) => {
      const p = pending.get(key);
      if (!p) return Promise.reject(new Error(`no probe in the registry makes the ${String(key)} section`));
      return p as Promise<S[K]>;
    },
  };
  const withSections = { ...run, ...source };
  // Every promise is registered before any probe body runs (they start on the next microtask), so
  // a probe may await any section regardless of its place in the list.
  for (const p of probes) pending.set(p.key, Promise.resolve().then(() => p.run(withSections)));
  const values = await Promise.all(probes.map((p) => pending.get(p.key)!));
  return Object.fromEntries(probes.map((p, i) => [p.key, values[i]])) as S;
}
