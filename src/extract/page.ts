/** What page a document renders: the operation it documents, as a method, a Graph path and a slug. */

export interface Operation {
  method: string;
  /** Relative to the Graph version root, ids as {id}: "/communications/calls/{id}/transfer". */
  path: string;
}

const GRAPH_PREFIX = /^https?:\/\/[^/]+\/(?:v1\.0|beta)(?=\/)/;

/** "https://graph.microsoft.com/beta/communications/calls/{id}/transfer" -> "/communications/calls/{id}/transfer". */
export function graphPath(url: string): string {
  const withoutHost = url.replace(GRAPH_PREFIX, "");
  return withoutHost.split("?")[0]!;
}

/** Collections whose next path segment is a member's id (unless it is an action on the collection). */
const COLLECTION = /^(calls|participants|contentSharingSessions|operations|audioRoutingGroups)$/i;
/** Graph actions are camelCase words (invite, muteAll, keepAlive, logTeleconferenceDeviceQuality); ids never are. */
const ACTION = /^[a-z][A-Za-z]*$/;

/**
 * Replace concrete or placeholder ids in a calls path by {id}, so examples of one operation compare
 * equal: "/communications/calls/57DAB.../participants/invite" -> "/communications/calls/{id}/participants/invite".
 */
export function templatePath(path: string): string {
  const segments = path.replace(/^\/app\//, "/communications/").split("/");
  for (let i = 1; i < segments.length; i++) {
    if (COLLECTION.test(segments[i - 1]!) && segments[i] !== "" && !ACTION.test(segments[i]!)) segments[i] = "{id}";
  }
  return segments.join("/");
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());

/** Stable names for the pages of the calling API (Graph's own: call-transfer, participant-invite); other operations get a slug of their path. */
export function pageSlug(op: Operation): string {
  const path = templatePath(op.path);
  if (op.method === "POST" && path === "/communications/calls") return "create-call";
  if (op.method === "POST") {
    const call = /^\/communications\/calls(?:\/\{id\})?\/([A-Za-z]+)$/.exec(path);
    if (call && ACTION.test(call[1]!)) return `call-${kebab(call[1]!)}`;
    const participant = /^\/communications\/calls\/\{id\}\/participants(?:\/\{id\})?\/([A-Za-z]+)$/.exec(path);
    if (participant && ACTION.test(participant[1]!)) return `participant-${kebab(participant[1]!)}`;
  }
  return `${op.method.toLowerCase()}${path.replace(/\{id\}/g, "id").replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`;
}

/** The call id a request path or a notification resourceUrl is about, when concrete. */
export function callIdOf(path: string): string | undefined {
  const m = /\/calls\/([^/{}]+)(?:\/|$)/.exec(path);
  return m?.[1];
}
