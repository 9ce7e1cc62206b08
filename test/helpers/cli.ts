// Runs the built CLI as a user would, in a child process, and captures what it prints.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));

export interface CliResult { code: number | null; stdout: string; stderr: string }

/**
 * The test worlds run on loopback, so `assess` gets --allow-private unless `privateRefused` asks for
 * the CLI's default (which refuses private addresses).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; privateRefused?: boolean } = {}): Promise<CliResult> {
  const argv = args[0] === "assess" && !options.privateRefused && !args.includes("--allow-private") ? [...args, "--allow-private"] : args;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
