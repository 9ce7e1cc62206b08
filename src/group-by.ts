// Items grouped by a key, in first-seen order. Pushes into each group, so grouping n findings costs
// O(n), whatever the size of a group (a rule failing on 10,000 domains is one group).
/** Strings by code unit: the order findings.json gives subjects, the same on every machine (localeCompare is not). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
