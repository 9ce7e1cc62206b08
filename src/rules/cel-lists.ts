// List functions that cel-go ships in its "lists" extension and @bufbuild/cel does not (yet):
// `distinct()` and `flatten()`, so a rule can name each gateway or sealer once however many domains
// share it. Same names and meaning as cel-go's ext.Lists (distinct: the distinct elements, first
// occurrence kept; flatten: one level of nested lists spliced in), so a rule stays portable to
// other CEL runtimes.
import { type CelFunc, celList, celMethod, isCelList, listType, CelScalar } from "@bufbuild/cel";

const LIST = listType(CelScalar.DYN);

export const lists: CelFunc[] = [
  celMethod("distinct", LIST, [], LIST, function () {
    const seen = new Set<unknown>();
    const out: unknown[] = [];
    for (let i = 0; i < this.size; i++) {
      const item = this.get(i);
      // Scalars compare by value; anything else (lists, maps) is kept, never merged by identity.
      const key = typeof item === "object" && item !== null ? Symbol() : item;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
    return celList(out as never);
  }),
  celMethod("flatten", LIST, [], LIST, function () {
    const out: unknown[] = [];
    for (let i = 0; i < this.size; i++) {
      const item = this.get(i);
      if (isCelList(item)) for (let j = 0; j < item.size; j++) out.push(item.get(j));
      else out.push(item);
    }
    return celList(out as never);
  }),
];
