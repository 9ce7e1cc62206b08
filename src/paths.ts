// Where the package is installed, so the shipped rules/ are found from src/ and from dist/src/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "rules"))) return dir;
    if (dirname(dir) === dir) throw new Error(`exo-posture: cannot find the package root above ${start}`);
  }
}

export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const defaultRulesDir = join(packageRoot, "rules", "ncsc");
export const dataDir = join(packageRoot, "rules", "data");
