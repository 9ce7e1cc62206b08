// The tool's name and version, read once from package.json so reports always say what made them.
import { readFileSync } from "node:fs";
import { packageRoot } from "./paths.js";

const pkg = JSON.parse(readFileSync(`${packageRoot}/package.json`, "utf8")) as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version } as const;
