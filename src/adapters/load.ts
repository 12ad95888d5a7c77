/**
 * The two ways to name an implementation under test, shared by `run` and `compat`: an ES module
 * exporting createBot(), or a command speaking the process protocol.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AdapterModule } from "../harness/adapter.js";
import { FRAMINGS, type FramingChoice } from "./framing.js";
import { ProcessBot } from "./process-bot.js";

/** The implementation cannot be used at all (missing, does not load, exports no createBot). */
export class AdapterUnavailable extends Error {}

export interface LoadedAdapter {
  adapter: AdapterModule;
  name: string;
  /** How it reaches the mock Graph: a module in this process, a command over HTTP. */
  transport: "in-process" | "http";
}

export async function loadAdapterModule(file: string): Promise<LoadedAdapter> {
  if (!fs.existsSync(file)) throw new AdapterUnavailable(`no adapter module at ${file} (npm run build?)`);
  let module: Partial<AdapterModule>;
  try {
    module = (await import(pathToFileURL(file).href)) as Partial<AdapterModule>;
  } catch (error) {
    throw new AdapterUnavailable(`the adapter module ${file} failed to load: ${(error as Error).message}`);
  }
  if (typeof module.createBot !== "function") throw new AdapterUnavailable(`the adapter module ${file} does not export createBot()`);
  return { adapter: module as AdapterModule, name: typeof module.name === "string" ? module.name : path.basename(file, path.extname(file)), transport: "in-process" };
}

export function processAdapter(command: string, cwd: string, stepTimeoutMs: number, framing: FramingChoice = "detect"): LoadedAdapter {
  if (command.trim() === "") throw new AdapterUnavailable("the command is empty");
  // A protocol request times out a little before the step does, so its richer diagnostic (with the
  // implementation's stderr) is the one reported.
  const requestTimeoutMs = Math.max(10, Math.floor(stepTimeoutMs * 0.9));
  // A start that fails is most often an adapter mistake: the self-check says which rule it broke.
  const startHint = `graph-calls-contract check-adapter --command ${shellQuote(command)}${framing === "detect" ? "" : ` --framing ${framing}`} diagnoses the process protocol`;
  return { adapter: { createBot: () => new ProcessBot({ command, cwd, requestTimeoutMs, framing, startHint }) }, name: command, transport: "http" };
}

/** `--framing <name>`: detect (the default), native or json-rpc. */
export function framingOption(value: string | undefined): FramingChoice {
  if (value === undefined || value === "detect") return "detect";
  if ((FRAMINGS as readonly string[]).includes(value)) return value as FramingChoice;
  throw new AdapterUnavailable(`--framing must be detect, ${FRAMINGS.join(" or ")} (got "${value}")`);
}

export function shellQuote(text: string): string {
  return /^[\w./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
