/** Sends the id_token it got at sign-in as its bearer token, instead of the access token for Graph. */
import { faulty, withParts } from "./variant.js";

/** An OpenID Connect id_token: it says who signed in, and grants nothing on Graph. */
const ID_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJib3QtY2xpZW50LWlkIiwidHlwIjoiaWRfdG9rZW4ifQ.";

export const variant = faulty({
  id: "sends-id-token",
  bug: "sends an id_token as its bearer token instead of the access token it was given",
  why: "Graph accepts only an access token issued for Graph (aud https://graph.microsoft.com) in Authorization: Bearer; an id_token is for the client and Graph answers 401 to it (the mock Graph cannot tell tokens apart, the check can)",
  expectedFailures: ["*/http.authorization"],
  messages: { "call-transfer.*/http.authorization": /not the bearer token the bot was given/ },
  createBot: withParts({ headers: () => ({ Authorization: `Bearer ${ID_TOKEN}`, "Content-Type": "application/json" }) }),
});

export const { name, createBot } = variant;
