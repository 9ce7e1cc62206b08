// Which selectors to look up. DKIM selectors cannot be listed from the DNS (RFC 6376 §3.1), so
// we ask the ones we know of: Exchange Online's two (selector1 and selector2), the tenant's DKIM
// configuration when one was collected, and any given with --dkim-selector.
import type { DkimSelector } from "../../evidence/dkim.js";

export const DEFAULT_SELECTORS = ["selector1", "selector2"];

export type SelectorSource = DkimSelector["sources"][number];

export interface PlannedSelector {
  selector: string;
  sources: SelectorSource[];
}

/** RFC 6376 §3.1: a selector is one or more dot-separated labels (underscores are seen in the wild). */
export const isSelector = (s: string) =>
  s.length <= 200 && /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(s);

export function plannedSelectors(tenant: string[], cli: string[]): PlannedSelector[] {
  const plan = new Map<string, SelectorSource[]>();
  const add = (list: string[], source: SelectorSource) => {
    for (const raw of list) {
      const s = raw.trim().toLowerCase();
      const sources = plan.get(s) ?? [];
      if (!sources.includes(source)) plan.set(s, [...sources, source]);
    }
  };
  add(DEFAULT_SELECTORS, "default");
  add(tenant, "tenant");
  add(cli, "cli");
  return [...plan].map(([selector, sources]) => ({ selector, sources }));
}
