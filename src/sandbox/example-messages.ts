// examples/messages/*.eml: messages received through a Mimecast gateway into the sample tenant, as a
// recipient saves them from their mailbox, with Enhanced Filtering for Connectors off (what the
// demo's tenant has), and applied. Try one with --message; the demo reads the first.
// `npm run docs` writes them; a unit test fails when a committed file differs from this rendering.
import { type EnhancedFilteringSample, receivedThroughGateway } from "./world/messages.js";

export const EXAMPLE_MESSAGES: { file: string; ef: EnhancedFilteringSample }[] = [
  { file: "examples/messages/received-through-mimecast-ef-off.eml", ef: "off" },
  { file: "examples/messages/received-through-mimecast-ef-applied.eml", ef: "applied" },
];

export function exampleMessage(ef: EnhancedFilteringSample): string {
  return receivedThroughGateway("finance@contoso-county.example", ef);
}
