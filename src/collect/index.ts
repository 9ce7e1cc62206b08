// The tenant half of a run, as one call: sign in and collect live, or read a PowerShell bundle;
// either way the same normalizer makes the evidence. The CLI maps its options onto this.
import { createTokenSource, type SignIn } from "../auth/tokens.js";
import { checkTenantId } from "../auth/tenant-id.js";
import { type CloudEndpoints, resolveCloud } from "../cloud/index.js";
import { InputError } from "../input/errors.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import { collectLive } from "./live.js";
import { normalizeTenant } from "./normalize.js";
import { readBundle } from "./powershell-import.js";
import type { RetryPolicy } from "./retry.js";

export { readBundle, BUNDLE_FORMAT } from "./powershell-import.js";
export { normalizeTenant } from "./normalize.js";
export { TENANT_CMDLETS, PER_DOMAIN_CMDLETS } from "./allow-list.js";

export interface CollectTenantOptions {
  /** --tenant-bundle <file>: read what Export-ExoPosture.ps1 wrote instead of signing in. */
  bundle?: string;
  /** --cloud global|gcc|gcchigh|dod|china (default global). */
  cloud?: string;
  /** --cloud-endpoints <json file>, or the parsed endpoints (the sandbox hands them over directly). */
  cloudEndpoints?: string | CloudEndpoints;
  /** --tenant, else AZURE_TENANT_ID. */
  tenantId?: string;
  /** --client-id, else AZURE_CLIENT_ID. */
  clientId?: string;
  /** --certificate <pem with key>, else AZURE_CLIENT_CERTIFICATE_PATH. */
  certificate?: string;
  /** --device-code: a consultant signs in as themselves; the code and URL go to `prompt`. */
  deviceCode?: boolean;
  /** Where AZURE_* are read (default process.env). The client secret is only ever read from here. */
  env?: Record<string, string | undefined>;
  /** Shows the device-code message (default: stderr). */
  prompt?: (message: string) => void;
  /** Per HTTP step, milliseconds (default 30000). */
  timeoutMs?: number;
  /**
   * Extra CA certificates (PEM, from --ca-file) trusted for sign-in, Graph and the admin API beside
   * the cloud's own: a TLS-inspecting proxy or a private cloud works without NODE_EXTRA_CA_CERTS.
   */
  ca?: string[];
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
}

export async function collectTenant(opts: CollectTenantOptions): Promise<TenantEvidence> {
  const env = opts.env ?? process.env;
  if (opts.bundle !== undefined) {
    const signInGiven = opts.tenantId ?? opts.clientId ?? opts.certificate ?? (opts.deviceCode ? "device code" : undefined);
    if (signInGiven !== undefined) throw new InputError("give --tenant-bundle or sign-in options (--tenant, --client-id, --certificate, --device-code), not both");
    const raw = await readBundle(opts.bundle);
    return normalizeTenant(raw, {
      cloud: null,
      collectedBy: { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: opts.bundle },
    });
  }
  const resolved = await resolveCloud({
    ...(opts.cloud !== undefined ? { cloud: opts.cloud } : {}),
    ...(opts.cloudEndpoints !== undefined ? { cloudEndpoints: opts.cloudEndpoints } : {}),
  });
  const cloud = { ...resolved, ca: [...resolved.ca, ...(opts.ca ?? [])] };
  const signIn = signInOf(opts, env);
  const tokens = await createTokenSource(cloud, signIn, opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {});
  let raw;
  try {
    raw = await collectLive({
      cloud,
      tokens,
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    });
  } finally {
    // Nothing of the sign-in stays open to hold the process once collection is over, failed or not.
    await tokens.close();
  }
  return normalizeTenant(raw, {
    cloud: { name: cloud.name, authority: cloud.authorityHost, graph: cloud.graph, exchange: cloud.exchange, unverified: cloud.unverified },
    collectedBy: { method: tokens.method, clientId: tokens.clientId, certificateThumbprintSha256: tokens.certificateThumbprintSha256, bundleFile: null },
  });
}

/**
 * Which sign-in: --device-code, then --certificate, then the environment in Azure Identity's
 * order (AZURE_CLIENT_SECRET, then AZURE_CLIENT_CERTIFICATE_PATH).
 */
export function signInOf(opts: CollectTenantOptions, env: Record<string, string | undefined>): SignIn {
  const tenantId = opts.tenantId ?? env.AZURE_TENANT_ID;
  const clientId = opts.clientId ?? env.AZURE_CLIENT_ID;
  if (!tenantId) throw new InputError("no tenant: give --tenant <directory id> (or set AZURE_TENANT_ID)");
  if (!clientId) throw new InputError("no app: give --client-id <application id> (or set AZURE_CLIENT_ID)");
  checkTenantId(tenantId);
  if (opts.deviceCode) {
    if (opts.certificate) throw new InputError("give --device-code or --certificate, not both");
    return { kind: "device-code", tenantId, clientId, ...(opts.prompt ? { prompt: opts.prompt } : {}) };
  }
  if (opts.certificate) return { kind: "certificate", tenantId, clientId, certificatePath: opts.certificate };
  if (env.AZURE_CLIENT_SECRET) return { kind: "secret", tenantId, clientId, secret: env.AZURE_CLIENT_SECRET };
  if (env.AZURE_CLIENT_CERTIFICATE_PATH) return { kind: "certificate", tenantId, clientId, certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH };
  throw new InputError("no credential: give --certificate <pem> (or AZURE_CLIENT_CERTIFICATE_PATH), set AZURE_CLIENT_SECRET, or use --device-code");
}
