/**
 * The mock Graph in-process, for implementations loaded as modules: every HTTP request this process
 * makes (fetch, node:http, XMLHttpRequest) to the mock's origins (Graph's, the issuer's) is answered
 * by GraphMock.respond(); any other goes out untouched. The interceptors are msw's own
 * (@mswjs/interceptors, what msw/node's setupServer applies), used directly: the mock is one
 * function of plain data, so msw's handler machinery (a request clone, cookie parsing, path
 * patterns, per request) was a tenth of a run's CPU and its import, with GraphQL's, a tenth of a
 * process's start. `graph.handlers` stays, for users who put the mock in their own msw server.
 */
import { BatchInterceptor } from "@mswjs/interceptors";
import { ClientRequestInterceptor } from "@mswjs/interceptors/ClientRequest";
import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { XMLHttpRequestInterceptor } from "@mswjs/interceptors/XMLHttpRequest";
import { under, type GraphMock } from "./graph-mock.js";

/** Intercept this process's requests to the mock's origins until close(). */
export function interceptGraph(graph: GraphMock): { close: () => void } {
  const origins = [...new Set([graph.origin, ...(graph.issuer ? [graph.issuer.origin] : [])])];
  const interceptor = new BatchInterceptor({ name: "graph-calls-contract-mock", interceptors: [new ClientRequestInterceptor(), new XMLHttpRequestInterceptor(), new FetchInterceptor()] });
  interceptor.apply();
  interceptor.on("request", async ({ request, controller }) => {
    const url = new URL(request.url);
    // What is not the mock's is not read (its body stays for the real request).
    if (!origins.some((origin) => under(url.origin + url.pathname, origin))) return;
    const answer = await graph.respondToRequest(request);
    if (answer) controller.respondWith(answer);
  });
  return { close: () => interceptor.dispose() };
}
