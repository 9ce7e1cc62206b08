// `exo-posture spf check`: RFC 7208 check_host() for one client address and sender, as a receiver
// would run it, with the explanation and the trace of every step.
import type { Command } from "commander";
import { DEFAULT_RESOLVER } from "../dns/resolver-spec.js";
import type { CheckHostResult } from "../index.js";
import { UsageError } from "./exit.js";
import { positiveInt } from "./options.js";

interface SpfCheckOptions {
  ip: string;
  sender: string;
  helo?: string;
  resolver: string;
  dnsTimeout: number;
  json?: boolean;
}

export function registerSpfCommand(program: Command): void {
  const spf = program.command("spf").description("SPF (RFC 7208) tools");
  spf
    .command("check")
    .description("evaluate SPF for a client address and sender as a receiver does (RFC 7208 check_host) and print the result")
    .requiredOption("--ip <addr>", "the SMTP client's IPv4 or IPv6 address")
    .requiredOption("--sender <mailfrom>", 'the MAIL FROM address; "" checks the HELO identity (postmaster@<helo>, RFC 7208 §2.3)')
    .option("--helo <name>", "the HELO/EHLO name (for %{h}, and the identity checked when --sender is empty)")
    .option("--resolver <spec>", "DNS resolver: system, an IP[:port] (1.1.1.1, 127.0.0.53:53, [::1]:53) or an https://…/dns-query URL", DEFAULT_RESOLVER)
    .option("--dns-timeout <ms>", "timeout of one DNS attempt, in milliseconds (one retry follows a timeout)", positiveInt("--dns-timeout"), 5000)
    .option("--json", 'print {"result", "explanation", "trace"} as JSON')
    .addHelpText(
      "after",
      `
Prints pass, fail, softfail, neutral, none, temperror or permerror (exit 0 whatever the result;
2 for bad input).

Examples:
  exo-posture spf check --ip 192.0.2.10 --sender alice@example.gov.uk
  exo-posture spf check --ip 2001:db8::25 --sender "" --helo mail.example.gov.uk --json
  exo-posture spf check --ip 192.0.2.10 --sender bob@example.test --resolver 127.0.0.53 --dns-timeout 2000`,
    )
    .action(async (o: SpfCheckOptions, command: Command) => {
      const [{ checkHost, LOOKUP_LIMIT, VOID_LOOKUP_LIMIT }, { createResolver }, { parseIp }] = await Promise.all([import("../probe/spf/check-host.js"), import("../dns/resolver.js"), import("../probe/spf/ip.js")]);
      const identity = checkedIdentity(o, parseIp);
      const resolver = createResolver(o.resolver, { timeoutMs: o.dnsTimeout });
      const result = await checkHost(o.ip.trim(), identity.domain, identity.sender, { resolver, ...(o.helo ? { helo: o.helo } : {}) });
      // Through commander's output (stdout unless configured), so the command can be run in-process.
      const write = command.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
      write(o.json ? `${JSON.stringify({ result: result.result, explanation: result.explanation, trace: result.trace }, null, 2)}\n` : renderText(result, identity, { lookups: LOOKUP_LIMIT, voids: VOID_LOOKUP_LIMIT }));
    });
}

interface Identity {
  /** "mfrom" or "helo" (RFC 7208 §2.3, §2.4). */
  kind: "mfrom" | "helo";
  sender: string;
  domain: string;
}

/** RFC 7208 §2.3: an empty MAIL FROM means the HELO identity is checked, as postmaster@<helo>. */
function checkedIdentity(o: SpfCheckOptions, parseIp: (s: string) => unknown): Identity {
  if (!parseIp(o.ip)) throw new UsageError(`--ip ${o.ip}: not an IPv4 or IPv6 address`);
  const sender = o.sender.trim();
  if (sender === "") {
    const helo = o.helo?.trim();
    if (!helo) throw new UsageError("--sender is empty, so the HELO identity is checked: give it with --helo <name>");
    return { kind: "helo", sender: `postmaster@${helo}`, domain: helo };
  }
  const at = sender.lastIndexOf("@");
  if (at < 0) throw new UsageError(`--sender ${sender}: expected a mail address (local@domain), or "" to check the HELO identity`);
  return { kind: "mfrom", sender, domain: sender.slice(at + 1) };
}

function renderText(r: CheckHostResult, identity: Identity, limits: { lookups: number; voids: number }): string {
  return [
    `result: ${r.result}`,
    `explanation: ${r.explanation ?? "(none: only a fail carries one)"}`,
    `reason: ${r.reason}`,
    `checked: ${identity.kind === "helo" ? "the HELO identity" : "the MAIL FROM identity"} ${identity.sender} (domain ${identity.domain})`,
    `DNS-querying terms: ${r.lookups} (limit ${limits.lookups}); void lookups: ${r.voidLookups} (limit ${limits.voids}) (RFC 7208 §4.6.4)`,
    "",
  ].join("\n");
}
