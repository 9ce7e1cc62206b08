// Verifying external report destinations (RFC 9990, "Verifying External Destinations": §4 of
// draft-ietf-dmarc-aggregate-reporting-32, the text published; RFC 7489 §7.1 before it): when a
// rua or ruf URI points outside the organisation that published the record, the destination must
// publish a TXT record beginning v=DMARC1 at <policy domain>._report._dmarc.<destination host>, or
// receivers send it nothing.
import type { Resolver } from "../../dns/types.js";
import { errorOf, lookupOf } from "../evidence-of.js";
import type { DmarcRecord, ReportAuthorization } from "../../evidence/dmarc.js";
import { pslOrganizationalDomain } from "./psl.js";
import { dmarcRecordsOf } from "./tree-walk.js";

/** Destinations asked about per record; a record listing more gets `NOT_CHECKED` for the rest. */
export const MAX_DESTINATIONS = 10;

/** RFC 9990 (Verifying External Destinations): a destination is outside when its organisational domain differs. */
export function outsideDestinations(policyDomain: string, record: DmarcRecord): Map<string, string[]> {
  const own = pslOrganizationalDomain(policyDomain) ?? policyDomain;
  const byHost = new Map<string, string[]>();
  for (const u of [...record.rua, ...record.ruf]) {
    if (u.problem !== null || u.host === null) continue;
    if ((pslOrganizationalDomain(u.host) ?? u.host) === own) continue;
    byHost.set(u.host, [...new Set([...(byHost.get(u.host) ?? []), u.uri])]);
  }
  return byHost;
}

export async function authorizeDestinations(policyDomain: string, record: DmarcRecord, resolver: Resolver): Promise<ReportAuthorization[]> {
  const hosts = [...outsideDestinations(policyDomain, record)];
  return Promise.all(
    hosts.map(async ([destination, uris], i): Promise<ReportAuthorization> => {
      const name = `${policyDomain}._report._dmarc.${destination}`;
      const base = { destination, uris, name, lookup: null };
      if (i >= MAX_DESTINATIONS) {
        const message = `the record names more than ${MAX_DESTINATIONS} outside report destinations; only the first ${MAX_DESTINATIONS} were checked`;
        return { ...base, error: { code: "NOT_CHECKED", message }, authorized: null };
      }
      // RFC 1035 §2.3.4: a name over 253 octets cannot be published, so no receiver can verify it.
      if (name.length > 253) return { ...base, error: null, authorized: false };
      try {
        const answer = await resolver.query(name, "TXT");
        return { ...base, error: null, lookup: lookupOf(answer), authorized: dmarcRecordsOf(answer).length > 0 };
      } catch (err) {
        return { ...base, error: errorOf(err), authorized: null };
      }
    }),
  );
}
