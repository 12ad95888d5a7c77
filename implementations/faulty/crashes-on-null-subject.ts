/** Truncates the subject to a maximum length without checking there is one: a call without a subject throws before it is sent. */
import { createCallBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

const SUBJECT_MAX = 256;


export const variant = faulty({
  id: "crashes-on-null-subject",
  bug: "throws (TypeError) building a create call request without a subject, so it sends nothing",
  why: "the Create call page: subject is optional, and most documented calls have none",
  // The transfers' base call and every sequence's call have no subject: they are blocked by these.
  expectedFailures: ["01", "02", "05", "06", "07", "08", "09", "10"].map((ex) => `create-call.v1.0.ex${ex}/http.sent`),
  messages: { "create-call.v1.0.ex01/http.sent": /the bot sent no request to Graph \(createCall\(\) failed: TypeError/ },
  createBot: withParts({ createCallBody: (intent, callbackUri) => createCallBody({ ...intent, subject: intent.subject!.slice(0, SUBJECT_MAX) }, callbackUri) }),
});

export const { name, createBot } = variant;
