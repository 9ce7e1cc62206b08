// What the rule pack needs of the data catalogue. Rules never read files, so the portal signatures
// reach portal.quarantine as the pack parameter portalSignatures: its default in pack.yaml is the
// shipped rules/data/portals.yaml (test/unit/portal.test.ts keeps them equal), and a run with --data
// files passes the merged list through the config's parameters.
import type { DataCatalogue } from "../data/schema.js";
import type { ConfigFile } from "./rule-schema.js";

export function dataParameters(data: Pick<DataCatalogue, "portals">): { portalSignatures: unknown[] } {
  return {
    portalSignatures: data.portals.map((p) => ({
      id: p.id,
      name: p.name,
      senderDomains: p.senderDomains,
      senderAddresses: p.senderAddresses,
      phrases: p.phrases,
      attachmentNames: p.attachmentNames,
    })),
  };
}

/** The user's config with the catalogue's parameters added (a value the user set explicitly wins). */
export function withDataParameters(config: ConfigFile, data: Pick<DataCatalogue, "portals">): ConfigFile {
  return { ...config, parameters: { ...dataParameters(data), ...config.parameters } };
}
