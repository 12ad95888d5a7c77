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

/** Replace concrete or placeholder ids in a calls path by {id}, so examples of one operation compare equal. */
export function templatePath(path: string): string {
  return path
    .replace(/^\/app\//, "/communications/")
    .replace(/(\/calls)\/(?!\{)[^/]+/, "$1/{id}")
    .replace(/(\/calls)\/\{[^}]+\}/, "$1/{id}")
    .replace(/(\/participants|\/contentSharingSessions|\/operations)\/[^/]+/gi, "$1/{id}");
}

/** Stable names for the pages of the calling API; unknown operations get a slug derived from their path. */
export function pageSlug(op: Operation): string {
  const path = templatePath(op.path);
  if (op.method === "POST" && path === "/communications/calls") return "create-call";
  const action = /^\/communications\/calls\/\{id\}\/([A-Za-z]+)$/.exec(path);
  if (action && op.method === "POST") return `call-${action[1]!.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}`;
  return `${op.method.toLowerCase()}${path.replace(/\{id\}/g, "id").replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`;
}

/** The call id a request path or a notification resourceUrl is about, when concrete. */
export function callIdOf(path: string): string | undefined {
  const m = /\/calls\/([^/{}]+)(?:\/|$)/.exec(path);
  return m?.[1];
}
