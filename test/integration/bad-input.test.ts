// Bad input refused with one clear line and exit 2, before any query (issue 27, cases 6, 7 and 9):
// the exact bytes a user sees on stderr, and nothing on stdout.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readCloudEndpoints } from "../../src/cloud/index.js";
import { InputError } from "../../src/input/errors.js";
import { CLI, runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
// Never reached: every case stops before the resolver is asked.
const assess = (...args: string[]) => runCli(["assess", "-d", "council.example", "--resolver", "127.0.0.1:9", "--dns-timeout", "100", "--out", join(dir, "out"), ...args]);

const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");

describe("bad input: one line on stderr, exit 2", () => {
  const cases: [string, () => string[], string][] = [
    ["a YAML alias bomb in the config", () => ["--config", file("bomb.yaml", bomb)], `exo-posture: ${join(dir, "bomb.yaml")}: Excessive alias count indicates a resource exhaustion attack (at most 100 aliases are expanded)\n`],
    ["a config of 5 MB", () => ["--config", file("big.yaml", `# ${"x".repeat(5 * 1024 * 1024)}\n`)], `exo-posture: ${join(dir, "big.yaml")}: cannot read: it is 5 MB, more than the 4 MB it may be\n`],
    ["an empty config", () => ["--config", file("empty.yaml", "")], `exo-posture: ${join(dir, "empty.yaml")}: the file is empty: it holds no YAML\n`],
    ["a parameter of the wrong type", () => ["--config", file("type.yaml", "parameters:\n  spfMaxLookups: \"10\"\n")], `exo-posture: ${join(dir, "type.yaml")}:2: parameter spfMaxLookups must be a number, got the string "10"\n`],
    ["a yes/no parameter written as a string", () => ["--config", file("bool.yaml", "parameters:\n  ukPublicSector: \"no\"\n")], `exo-posture: ${join(dir, "bool.yaml")}:2: parameter ukPublicSector must be a boolean, got the string "no"\n`],
    ["a parameter outside its values", () => ["--config", file("enum.yaml", "parameters:\n  dmarcSubdomainPolicyMinimum: strict\n")], `exo-posture: ${join(dir, "enum.yaml")}:2: parameter dmarcSubdomainPolicyMinimum must be one of none, quarantine, reject, got the string "strict"\n`],
    [
      "a waiver subject without its kind",
      () => ["--config", file("waiver.yaml", "waivers:\n  - rule: dmarc.policy\n    subject: council.example\n    reason: accepted\n    approver: CISO\n    expires: 2099-01-01\n")],
      `exo-posture: ${join(dir, "waiver.yaml")}:3: waiver subject "council.example" is not how findings name subjects: write domain:council.example (subjects are domain:<name>, mx:<host>, connector:<name>, message:<file>, tenant, or * for all)\n`,
    ],
    ["a sample message that does not exist", () => ["--message", "/nonexistent/sample.eml"], "exo-posture: cannot read the message file (--message) /nonexistent/sample.eml: no such file (ENOENT)\n"],
    ["--out under /proc, where no folder can be made (it used to hang)", () => ["--out", "/proc/exo-posture-x"], "exo-posture: --out /proc/exo-posture-x: cannot write there (a folder cannot be made there)\n"],
    ["a sample message that is a folder", () => ["--message", dir], `exo-posture: cannot read the message file (--message) ${dir}: it is a folder, not a file\n`],
  ];
  for (const [name, args, stderr] of cases) {
    it(name, async () => {
      const r = await assess(...args());
      assert.equal(r.code, 2);
      assert.equal(r.stderr, stderr);
      assert.equal(r.stdout, "");
    });
  }
});

describe("JSON inputs have size caps too", () => {
  it("--cloud-endpoints of 2 MB: one line, before anything is parsed", async () => {
    const path = file("endpoints.json", `{"x":"${"y".repeat(2 * 1024 * 1024)}"}`);
    await assert.rejects(readCloudEndpoints(path), (e: unknown) => e instanceof InputError && e.message === `cannot read --cloud-endpoints: ${path} is 2 MB, more than the 1 MB it may be`);
  });
});

describe("a reader that stops early", () => {
  for (const args of [["schema", "evidence"], ["rules", "list"]]) {
    it(`\`exo-posture ${args.join(" ")} | head -1\`: exit 0, no EPIPE trace`, async () => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      // Read one chunk, then close the pipe as `head -1` does.
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      assert.equal(stderr, "");
      assert.equal(code, 0);
    });
  }
});
