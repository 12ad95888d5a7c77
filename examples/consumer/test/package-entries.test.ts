// Every entry of the package, as installed: the library compiles at run time, the rest is ready-made.
import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { detectSchema, loadContract } from "graph-calls-contract";
import { schemaNames, validate } from "graph-calls-contract/validators";
import { EMPTY_OBSERVATION, runConformance, type BotUnderTest } from "graph-calls-contract/harness";
import type { SchemaName, SchemaTypes } from "graph-calls-contract/types";
import { buildCreateCallRequest } from "../src/create-call.js";

const body = buildCreateCallRequest({ callbackUri: "https://bot.example.com/cb", tenantId: "0f6b2c7e-5a55-4c43-9a1e-9f7e5d8a2b11", userId: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" });

test("the library and the precompiled validators give the same answer", () => {
  expect(detectSchema(body).schema).toBe("create-call-request");
  const broken = { ...body, state: "established" };
  expect(validate("create-call-request", broken)).toEqual(loadContract().validate("create-call-request", broken));
});

test("the validators know every schema the library knows", () => {
  expect([...schemaNames].sort()).toEqual(loadContract().names().sort());
});

test("the published schemas are importable by path", () => {
  const schema = createRequire(import.meta.url)("graph-calls-contract/schemas/operations/create-call-request.json") as { $id: string };
  expect(schema.$id).toBe("https://graph-calls-contract.dev/schemas/operations/create-call-request.json");
});

test("the harness entry carries the run and the adapter contract", () => {
  const bot: Pick<BotUnderTest, "observe"> = { observe: async () => EMPTY_OBSERVATION };
  expect(typeof runConformance).toBe("function");
  expect(bot).toBeDefined();
});

test("the types name every schema", () => {
  const name: SchemaName = "transfer-request";
  const transfer: SchemaTypes[typeof name] = { transferTarget: { identity: { user: { id: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" } } } };
  expect(validate(name, transfer).valid).toBe(true);
});
