// A record whose values are read when asked for: `Object.keys` lists the names without reading any,
// `record[name]` reads that one (from disk, in a spooled run). Reports go through the names and
// read one value at a time, so a run's domains are never all in memory at once. The last few values
// read are kept, because a report reads a domain several times in a row (its row, its findings,
// its records).
const KEPT = 8;

export function lazyRecord<T>(names: readonly string[], read: (name: string) => T | undefined): Record<string, T> {
  const known = new Set(names);
  const recent = new Map<string, T>();
  const get = (name: string): T | undefined => {
    if (!known.has(name)) return undefined;
    const hit = recent.get(name);
    if (hit !== undefined) return hit;
    const value = read(name);
    if (value === undefined) return undefined;
    recent.set(name, value);
    if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
    return value;
  };
  return new Proxy({} as Record<string, T>, {
    ownKeys: () => [...names],
    has: (_t, k) => typeof k === "string" && known.has(k),
    get: (_t, k) => (typeof k === "string" ? get(k) : undefined),
    // An accessor, so listing the keys (which asks whether each is enumerable) reads no value.
    getOwnPropertyDescriptor: (_t, k) => (typeof k === "string" && known.has(k) ? { enumerable: true, configurable: true, get: () => get(k) } : undefined),
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}
