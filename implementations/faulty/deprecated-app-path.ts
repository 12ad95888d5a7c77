/** Creates calls at the deprecated /app/calls path. */
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "deprecated-app-path",
  bug: "creates calls with POST /app/calls, the path older samples use",
  why: "the transfer page's HTTP request section lists /app/calls as deprecated (\"going forward, use the /communications path\"); the Create call page documents POST /communications/calls only",
  expectedFailures: ["create-call.*/http.method-path"],
  messages: { "create-call.*/http.method-path": /sent POST \/app\/calls, expected POST \/communications\/calls/ },
  createBot: withParts({ createCallPath: "/app/calls" }),
});

export const { name, createBot } = variant;
