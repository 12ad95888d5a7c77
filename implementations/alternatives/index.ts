/** The catalog of alternatives: correct designs other than the reference's, each of which must pass every check. */
import type { Alternative } from "./alternative.js";
import { design as rosterReread } from "./roster-reread.js";

export type { Alternative } from "./alternative.js";

export const ALTERNATIVES: readonly Alternative[] = [rosterReread];
