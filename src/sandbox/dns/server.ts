// An in-process DNS server on loopback that answers like a validating recursive resolver over the
// sandbox zones: NXDOMAIN vs NODATA, CNAME chains, AD for secure zones, SERVFAIL + EDE for bogus
// ones, TC when the answer does not fit the client's UDP buffer, and names that never answer.
// It serves the demo and `npm test`; the real-server suite uses nsd + unbound instead.
import dgram from "node:dgram";
import net from "node:net";
import dnsPacket from "dns-packet";
import type { Packet } from "dns-packet";
import type { WorldRecord, Zone } from "./zone.js";

export interface DnsServerOptions {
  zones: Zone[];
  /** Names (any type, or `name|TYPE`) the server never answers, to exercise timeouts. */
  silent?: string[];
  host?: string;
  /** Every answer is sent this many milliseconds late, as a distant resolver's would be (the benchmark's world). */
  delayMs?: number;
  /** Told of every question asked (the benchmark counts them by kind). */
  onQuery?: (name: string, type: string) => void;
}

export interface RunningDnsServer {
  host: string;
  port: number;
  /** `127.0.0.1:port`, ready for --resolver. */
  spec: string;
  /** Queries received, for measuring how many a run needs. */
  queries(): number;
  close(): Promise<void>;
}

const EDE = 15;

export async function startDnsServer(options: DnsServerOptions): Promise<RunningDnsServer> {
  const host = options.host ?? "127.0.0.1";
  // Names compare without case (RFC 4343); the type after "|" is kept upper case, as queries carry it.
  const silent = new Set((options.silent ?? []).map((s) => {
    const [name, type] = s.split("|");
    return type === undefined ? name!.toLowerCase() : `${name!.toLowerCase()}|${type.toUpperCase()}`;
  }));
  let count = 0;
  // Built once: a world of tens of thousands of names is answered by lookup, not by scanning.
  const world = indexOf(options.zones);
  const answer = (req: Packet, maxSize: number): Buffer | null => {
    count++;
    const q = req.questions?.[0];
    if (q && options.onQuery) options.onQuery(q.name.toLowerCase(), String(q.type));
    return respond(world, silent, req, maxSize);
  };
  // Delayed answers still waiting when the server closes are dropped, not sent on a closed socket.
  const waiting = new Set<NodeJS.Timeout>();
  const later = (send: () => void) => {
    if (!options.delayMs) return send();
    const timer = setTimeout(() => {
      waiting.delete(timer);
      send();
    }, options.delayMs);
    waiting.add(timer);
  };

  for (let tries = 0; ; tries++) {
    const udp = dgram.createSocket("udp4");
    await new Promise<void>((resolve, reject) => {
      udp.once("error", reject);
      udp.bind(0, host, () => resolve());
    });
    const port = udp.address().port;
    const sockets = new Set<net.Socket>();
    const tcp = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      serveTcp(socket, answer, later);
    });
    const ok = await new Promise<boolean>((resolve) => {
      tcp.once("error", () => resolve(false));
      tcp.listen(port, host, () => resolve(true));
    });
    if (!ok) {
      udp.close();
      if (tries > 10) throw new Error("sandbox DNS: could not bind UDP and TCP on one port");
      continue;
    }
    udp.on("message", (msg, rinfo) => {
      let req: Packet;
      try {
        req = dnsPacket.decode(msg);
      } catch {
        return;
      }
      const opt = (req.additionals ?? []).find((a) => a.type === "OPT") as { udpPayloadSize?: number } | undefined;
      // RFC 6891 §6.2.3 / RFC 1035 §4.2.1: the client's advertised buffer, or 512 without EDNS.
      const out = answer(req, Math.max(512, opt?.udpPayloadSize ?? 512));
      if (out) later(() => udp.send(out, rinfo.port, rinfo.address));
    });
    return {
      host,
      port,
      spec: `${host}:${port}`,
      queries: () => count,
      close: () =>
        new Promise<void>((resolve) => {
          for (const t of waiting) clearTimeout(t);
          waiting.clear();
          udp.close();
          // The server's close waits for accepted sockets, so end them first.
          for (const s of sockets) s.destroy();
          tcp.close(() => resolve());
        }),
    };
  }
}

function serveTcp(socket: net.Socket, answer: (req: Packet, max: number) => Buffer | null, later: (send: () => void) => void): void {
  let buf = Buffer.alloc(0);
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
      const msg = buf.subarray(2, 2 + buf.readUInt16BE(0));
      buf = buf.subarray(2 + msg.length);
      let req: Packet;
      try {
        req = dnsPacket.decode(msg);
      } catch {
        socket.destroy();
        return;
      }
      const out = answer(req, 65535);
      if (!out) continue;
      const len = Buffer.alloc(2);
      len.writeUInt16BE(out.length);
      later(() => socket.write(Buffer.concat([len, out])));
    }
  });
}

/** The zone with the longest origin enclosing `name`; a zone whose origin is "." (the root) encloses every name. */
function zoneOf(zones: Zone[], name: string): Zone | undefined {
  let best: Zone | undefined;
  for (const z of zones) {
    const encloses = z.origin === "." || name === z.origin || name.endsWith(`.${z.origin}`);
    if (encloses && (!best || best.origin === "." || z.origin.length > best.origin.length)) best = z;
  }
  return best;
}

/** The zones with each one's records by owner name, and every name that exists (owners and their ancestors). */
interface World {
  zones: Zone[];
  byName: Map<Zone, Map<string, WorldRecord[]>>;
  names: Set<string>;
}

function indexOf(zones: Zone[]): World {
  const byName = new Map<Zone, Map<string, WorldRecord[]>>();
  const names = new Set<string>();
  for (const z of zones) {
    const own = new Map<string, WorldRecord[]>();
    for (const r of z.records) {
      own.set(r.name, [...(own.get(r.name) ?? []), r]);
      // A name exists when it owns records or is an ancestor of one that does (an empty non-terminal).
      const labels = r.name.split(".");
      for (let i = 0; i < labels.length; i++) names.add(labels.slice(i).join("."));
    }
    names.add(z.origin);
    byName.set(z, own);
  }
  return { zones, byName, names };
}

function respond(world: World, silent: Set<string>, req: Packet, maxSize: number): Buffer | null {
  const zones = world.zones;
  const q = req.questions?.[0];
  if (!q) return null;
  const qname = q.name.replace(/\.$/, "").toLowerCase() || ".";
  const qtype = String(q.type);
  if (silent.has(qname) || silent.has(`${qname}|${qtype}`)) return null;
  const wantsDnssec = ((req.flags ?? 0) & dnsPacket.AUTHENTIC_DATA) !== 0 ||
    (req.additionals ?? []).some((a) => a.type === "OPT" && ((a as { flags?: number }).flags ?? 0) & dnsPacket.DNSSEC_OK);
  const base = {
    type: "response" as const,
    id: req.id,
    questions: req.questions,
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: 1232, flags: 0, options: [] as unknown[] }],
  };
  const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE;

  // The root: answered as a validating resolver does, so the run's validation probe sees AD.
  if (qname === ".") {
    const soa = { name: ".", type: "SOA", ttl: 86400, data: { mname: "a.root-servers.sandbox.", rname: "nstld.sandbox.", serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 } };
    return encode({ ...base, flags: flags | (wantsDnssec ? dnsPacket.AUTHENTIC_DATA : 0), answers: qtype === "SOA" ? [soa] : [] }, maxSize);
  }

  const exists = (n: string) => world.names.has(n);
  const answers: WorldRecord[] = [];
  let name = qname;
  let secure = true;
  for (let hops = 0; hops < 8; hops++) {
    const z = zoneOf(zones, name);
    if (!z) break;
    if (z.dnssec === "bogus") {
      // RFC 8914 §4.7: EDE 6, DNSSEC Bogus.
      const option = { code: EDE, data: Buffer.concat([Buffer.from([0, 6]), Buffer.from(`sandbox: ${z.origin} is bogus`)]) };
      return encode({ ...base, flags: flags | 2, answers: [], additionals: [{ ...base.additionals[0]!, options: [option] }] }, maxSize);
    }
    if (z.dnssec !== "secure") secure = false;
    const owned = ownRecords(z, world.byName.get(z)!, name, exists);
    const exact = owned.filter((r) => r.type === qtype);
    if (exact.length > 0) {
      answers.push(...exact);
      break;
    }
    const cname = owned.find((r) => r.type === "CNAME");
    if (!cname) break;
    answers.push(cname);
    name = String(cname.data).toLowerCase();
  }
  const z = zoneOf(zones, name);
  if (!z) secure = false;
  const nx = !answers.some((a) => a.type === qtype) && !exists(name) && !(z && ownRecords(z, world.byName.get(z)!, name, exists).length > 0);
  const rcode = nx ? 3 : 0;
  const ad = secure && wantsDnssec ? dnsPacket.AUTHENTIC_DATA : 0;
  return encode({ ...base, flags: flags | ad | rcode, answers: answers.map((a) => ({ ...a, class: "IN", data: wireData(a) })) }, maxSize);
}

/**
 * The records a name owns: its own, or — when the name does not exist — those synthesised from the
 * wildcard at its closest encloser (RFC 4592 §3.3.1: the longest existing ancestor; the wildcard
 * never covers a name that exists, nor an empty non-terminal).
 */
function ownRecords(z: Zone, byName: Map<string, WorldRecord[]>, name: string, exists: (n: string) => boolean): WorldRecord[] {
  const own = byName.get(name) ?? [];
  if (own.length > 0 || exists(name)) return own;
  const labels = name.split(".");
  for (let i = 1; i < labels.length; i++) {
    const encloser = labels.slice(i).join(".");
    if (z.origin !== "." && encloser.length < z.origin.length) break;
    if (exists(encloser)) return (byName.get(`*.${encloser}`) ?? []).map((r) => ({ ...r, name }));
  }
  return [];
}

/**
 * dns-packet has no encoder for type SPF (99, RFC 4408 §3.1.1): it writes such records as raw rdata,
 * so their character-strings (the same layout as TXT, RFC 1035 §3.3.14) are laid out here.
 */
function wireData(record: WorldRecord): unknown {
  if (record.type !== "SPF" || !Array.isArray(record.data)) return record.data;
  return Buffer.concat((record.data as Buffer[]).flatMap((s) => [Buffer.from([s.length]), s]));
}

function encode(packet: object, maxSize: number): Buffer {
  const out = dnsPacket.encode(packet as Packet);
  if (out.length <= maxSize) return out;
  // RFC 2181 §9: too large for the client's buffer: send TC with no records, the client asks over TCP.
  const p = packet as Packet & { flags: number };
  return dnsPacket.encode({ ...p, flags: p.flags | dnsPacket.TRUNCATED_RESPONSE, answers: [] } as Packet);
}
