// Loading the data catalogue: every rules/data/*.yaml (sorted), then the user's --data files in the
// order given. An entry whose id is already known replaces it, so a user can correct a shipped entry
// as well as add new ones. A problem names the file and line (LoadError), before any probe runs.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "../paths.js";
import { LoadError } from "../input/errors.js";
import { readYaml } from "../input/yaml-file.js";
import { type DataCatalogue, dataFile } from "./schema.js";

export function shippedDataFiles(dir = dataDir): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new LoadError(dir, null, `cannot read the data folder: ${(err as Error).message}`);
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n));
}

/** The shipped catalogue plus `extraFiles` (assess --data, repeatable). */
export function loadData(extraFiles: string[] = [], dir = dataDir): DataCatalogue {
  const files = [...shippedDataFiles(dir), ...extraFiles];
  const gateways = new Map<string, DataCatalogue["gateways"][number]>();
  const portals = new Map<string, DataCatalogue["portals"][number]>();
  for (const file of files) {
    const y = readYaml(file, dataFile);
    const seen = new Set<string>();
    const once = (kind: string, id: string, i: number) => {
      // Within one file an id twice is a mistake; across files it is an override.
      if (seen.has(`${kind}:${id}`)) throw new LoadError(file, y.lineOf([kind, i, "id"]), `${kind} id ${id} appears twice in this file`);
      seen.add(`${kind}:${id}`);
    };
    y.value.gateways.forEach((g, i) => {
      once("gateways", g.id, i);
      gateways.set(g.id, g);
    });
    y.value.portals.forEach((p, i) => {
      once("portals", p.id, i);
      portals.set(p.id, p);
    });
  }
  return { gateways: [...gateways.values()], portals: [...portals.values()], files };
}

let shipped: DataCatalogue | null = null;
/** The shipped catalogue alone, read once: the default when a caller passes none. */
export function shippedData(): DataCatalogue {
  shipped ??= loadData();
  return shipped;
}
