// Which cloud a run talks to: a named national cloud, or custom endpoints from a file.
import { InputError } from "../input/errors.js";
import { CLOUD_NAMES, type CloudEndpoints, cloudEndpoints, isCloudName } from "./clouds.js";
import { readCloudEndpoints } from "./custom.js";

export { CLOUD_NAMES, type CloudEndpoints, type CloudName, cloudEndpoints, isCloudName } from "./clouds.js";
export { parseCloudEndpoints, readCloudEndpoints } from "./custom.js";

/** --cloud or --cloud-endpoints (both at once is a mistake: which one did the user mean?). */
export async function resolveCloud(o: { cloud?: string; cloudEndpoints?: string | CloudEndpoints }): Promise<CloudEndpoints> {
  if (o.cloud !== undefined && o.cloudEndpoints !== undefined) {
    throw new InputError("give --cloud or --cloud-endpoints, not both");
  }
  if (o.cloudEndpoints !== undefined) {
    return typeof o.cloudEndpoints === "string" ? readCloudEndpoints(o.cloudEndpoints) : o.cloudEndpoints;
  }
  const name = (o.cloud ?? "global").toLowerCase();
  if (!isCloudName(name)) throw new InputError(`unknown cloud "${o.cloud}": use one of ${CLOUD_NAMES.join(", ")}`);
  return cloudEndpoints(name);
}
