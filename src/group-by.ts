// Items grouped by a key, in first-seen order. Pushes into each group, so grouping n findings costs
// O(n), whatever the size of a group (a rule failing on 10,000 domains is one group).
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
