// `exo-posture spf check` against the sandbox DNS server on loopback. The command is registered on a
// fresh commander program here (the way main.ts registers it) and run in-process, its output caught
// through commander's output configuration; errors are mapped to exit codes by src/cli/exit.ts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Command, CommanderError } from "commander";
import { EXIT, exitCodeFor, UsageError } from "../../src/cli/exit.js";
import { registerSpfCommand } from "../../src/cli/spf.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

const DOMAIN = "spf-cli.example";
let server: RunningDnsServer;

before(async () => {
  server = await startDnsServer({
    zones: [
      zone(DOMAIN, "insecure", [
        '@ TXT "v=spf1 ip4:192.0.2.10 include:_spf.spf-cli.example -all exp=why.%{d}"',
        '_spf TXT "v=spf1 ip6:2001:db8::/32 -all"',
        "why TXT \"%{i} is not one of %{d}'s senders\"",
        'mail TXT "v=spf1 a -all"',
        "mail A 192.0.2.20",
        'slow TXT "v=spf1 include:silent.spf-cli.example -all"',
      ]),
    ],
    silent: [`silent.${DOMAIN}`],
  });
});
after(() => server.close());

async function spfCheck(args: string[]): Promise<{ out: string; err: unknown }> {
  let out = "";
  const program = new Command("exo-posture").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: () => {} });
  registerSpfCommand(program);
  for (const c of program.commands.flatMap((c) => [c, ...c.commands])) c.exitOverride();
  try {
    await program.parseAsync(["spf", "check", ...args, "--resolver", server.spec, "--dns-timeout", "300"], { from: "user" });
    return { out, err: null };
  } catch (err) {
    return { out, err };
  }
}

describe("exo-posture spf check", () => {
  it("--json prints result, explanation and trace", async () => {
    const { out, err } = await spfCheck(["--ip", "192.0.2.10", "--sender", `alice@${DOMAIN}`, "--json"]);
    assert.equal(err, null);
    const json = JSON.parse(out) as { result: string; explanation: string | null; trace: { kind: string; domain: string }[] };
    assert.deepEqual(Object.keys(json), ["result", "explanation", "trace"]);
    assert.equal(json.result, "pass");
    assert.equal(json.explanation, null);
    assert.equal(json.trace[0]?.kind, "record");
    assert.equal(json.trace[0]?.domain, DOMAIN);
  });

  it("a fail prints the record's own explanation (exp=, RFC 7208 §6.2)", async () => {
    const { out, err } = await spfCheck(["--ip", "192.0.2.99", "--sender", `bob@${DOMAIN}`]);
    assert.equal(err, null);
    assert.match(out, /^result: fail$/m);
    assert.match(out, new RegExp(`^explanation: 192\\.0\\.2\\.99 is not one of ${DOMAIN}'s senders$`, "m"));
  });

  it("an IPv6 client passes through the include", async () => {
    const { out } = await spfCheck(["--ip", "2001:db8::25", "--sender", `carol@${DOMAIN}`, "--json"]);
    assert.equal(JSON.parse(out).result, "pass");
  });

  it('an empty --sender checks the HELO identity, postmaster@<helo> (RFC 7208 §2.3)', async () => {
    const { out, err } = await spfCheck(["--ip", "192.0.2.20", "--sender", "", "--helo", `mail.${DOMAIN}`]);
    assert.equal(err, null);
    assert.match(out, /^result: pass$/m);
    assert.match(out, new RegExp(`the HELO identity postmaster@mail\\.${DOMAIN.replace(".", "\\.")}`));
  });

  it("a DNS timeout is a temperror result, not a failed command", async () => {
    const { out, err } = await spfCheck(["--ip", "192.0.2.10", "--sender", `dave@slow.${DOMAIN}`]);
    assert.equal(err, null);
    assert.match(out, /^result: temperror$/m);
  });

  const bad: [string, string[], RegExp][] = [
    ["a bad address", ["--ip", "192.0.2.300", "--sender", `a@${DOMAIN}`], /--ip 192\.0\.2\.300: not an IPv4 or IPv6 address/],
    ["a sender without @", ["--ip", "192.0.2.1", "--sender", DOMAIN], /expected a mail address/],
    ["an empty sender without --helo", ["--ip", "192.0.2.1", "--sender", ""], /give it with --helo/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what} is a usage error (exit 2) with a one-line message`, async () => {
      const { err } = await spfCheck(args);
      assert.ok(err instanceof UsageError, String(err));
      assert.equal(exitCodeFor(err), EXIT.usage);
      assert.match(err.message, message);
      assert.ok(!err.message.includes("\n"));
    });
  }

  it("a missing --sender is refused by the option parser (main.ts maps it to exit 2)", async () => {
    const { err } = await spfCheck(["--ip", "192.0.2.1"]);
    assert.ok(err instanceof CommanderError);
    assert.equal(err.code, "commander.missingMandatoryOptionValue");
  });
});
