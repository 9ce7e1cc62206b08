// --tenant: the directory id (a GUID) or one of its verified domains. "common" and "organizations"
// name no tenant, and app-only sign-in and the admin API's URL both need one.
import { InputError } from "../input/errors.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export function checkTenantId(tenantId: string): void {
  if (GUID.test(tenantId)) return;
  if (["common", "organizations", "consumers"].includes(tenantId.toLowerCase())) {
    throw new InputError(`--tenant ${tenantId} names no tenant: give the directory (tenant) id or a verified domain`);
  }
  if (!DOMAIN.test(tenantId)) {
    throw new InputError(`--tenant "${tenantId.slice(0, 80)}" is neither a directory id (GUID) nor a domain name`);
  }
}

export function isGuid(s: string): boolean {
  return GUID.test(s);
}
