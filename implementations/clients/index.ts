/** The client libraries under test, one adapter module each (suites/clients runs them all). */
import { client as microsoftGraphClient } from "./microsoft-graph-client/index.js";
import { client as msgraphSdk } from "./msgraph-sdk/index.js";
import { client as teamsGraphEndpoints } from "./teams-graph-endpoints/index.js";
import type { ClientModule } from "./client-module.js";

export type { ClientModule } from "./client-module.js";

export const CLIENTS: readonly ClientModule[] = [microsoftGraphClient, teamsGraphEndpoints, msgraphSdk];
