/** Keeps one list of targets for all its calls: every call invites the targets of the calls before it too. */
import type { Party } from "../../src/scenarios/model.js";
import { createCallBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "targets-leak-between-calls",
  bug: "keeps one list of targets for all its calls (a shared mutable default): each call also invites the targets of the calls before it",
  why: "the Create call page: targets are the participants this call invites; a party invited by mistake is rung, and joins a call it was never meant to be in",
  // The scenarios run after the transfers' base calls, which already invited create-call.v1.0.ex01's target.
  expectedFailures: ["create-call.*/fidelity.targets"],
  messages: { "create-call.v1.0.ex05/fidelity.targets": /targets: the scenario says \[\], the request says \["user 112f7296/ },
  runsAfter: ["call-transfer.*"],
  createBot: withParts(() => {
    const targets: Party[] = [];
    return {
      createCallBody: (intent, callbackUri) => {
        targets.push(...intent.targets);
        return createCallBody({ ...intent, targets: [...targets] }, callbackUri);
      },
    };
  }),
});

export const { name, createBot } = variant;
