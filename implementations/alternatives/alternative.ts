/**
 * An alternative: the reference with another design that is also correct, where PROTOCOL.md accepts
 * more than one. It must pass every check, as the reference does (suites/conformance/kill-matrix.test.ts);
 * each module is also an adapter module (`graph-calls-contract run --adapter dist/implementations/alternatives/<id>.js`).
 */
import type { BotUnderTest } from "../../src/harness/adapter.js";

export interface Alternative {
  id: string;
  /** The design, in one line. */
  design: string;
  /** Where PROTOCOL.md accepts it. */
  why: string;
  /** The adapter module's name. */
  name: string;
  createBot(): BotUnderTest;
}

export function alternative(spec: Omit<Alternative, "name">): Alternative {
  return { ...spec, name: spec.id };
}
