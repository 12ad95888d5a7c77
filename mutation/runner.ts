/**
 * A Stryker test runner ("conformance") whose tests are the conformance run's subjects
 * (mutation/subjects.ts): each mutant of the reference bot is judged by the conformance checks
 * themselves, run in process on the instrumented reference.
 *
 * Why not @stryker-mutator/vitest-runner: it starts a new vitest worker for every mutant, which
 * imports the harness and compiles the contract again (about 4 s a mutant on this machine, 47 min
 * for 418 mutants). This runner loads them once per process and switches mutants at run time, as
 * Stryker's instrumentation allows; a mutant in module-level code ("static") gets a fresh process,
 * because this runner does not claim it can reload the modules (reloadEnvironment: false).
 */
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { INSTRUMENTER_CONSTANTS, type MutantCoverage } from "@stryker-mutator/api/core";
import type { Logger } from "@stryker-mutator/api/logging";
import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import {
  DryRunStatus,
  MutantRunStatus,
  TestStatus,
  type DryRunOptions,
  type DryRunResult,
  type MutantRunOptions,
  type MutantRunResult,
  type TestResult,
  type TestRunner,
  type TestRunnerCapabilities,
} from "@stryker-mutator/api/test-runner";
import type { Subject } from "./subjects.js";

/** What Stryker's instrumented code reads and writes on the global namespace. */
interface Instrumentation {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: MutantCoverage;
  hitCount?: number;
  hitLimit?: number;
}

let hooksRegistered = false;

export class ConformanceTestRunner implements TestRunner {
  static inject = tokens(commonTokens.logger);
  private subjects: Subject[] | undefined;

  constructor(private readonly log: Logger) {}

  capabilities(): TestRunnerCapabilities {
    return { reloadEnvironment: false };
  }

  async init(): Promise<void> {
    if (!hooksRegistered) register(new URL("./ts-hooks.js", import.meta.url));
    hooksRegistered = true;
  }

  async dryRun(options: DryRunOptions): Promise<DryRunResult> {
    const ns = this.namespace();
    ns.activeMutant = undefined;
    ns.currentTestId = undefined;
    try {
      const subjects = await this.load();
      const tests: TestResult[] = [];
      for (const subject of subjects) {
        ns.currentTestId = subject.id;
        const started = performance.now();
        const failures = await subject.run();
        ns.currentTestId = undefined;
        const base = { id: subject.id, name: subject.id, timeSpentMs: Math.round(performance.now() - started) };
        tests.push(failures.length === 0 ? { ...base, status: TestStatus.Success } : { ...base, status: TestStatus.Failed, failureMessage: failures.join("\n") });
      }
      return { status: DryRunStatus.Complete, tests, ...(options.coverageAnalysis === "off" ? {} : { mutantCoverage: ns.mutantCoverage ?? { static: {}, perTest: {} } }) };
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: describe(error) };
    } finally {
      ns.currentTestId = undefined;
    }
  }

  async mutantRun(options: MutantRunOptions): Promise<MutantRunResult> {
    const ns = this.namespace();
    // A static mutant must be active while the modules load; the others only while the subjects run.
    if (options.mutantActivation === "static") ns.activeMutant = options.activeMutant.id;
    try {
      const subjects = await this.load();
      ns.activeMutant = options.activeMutant.id;
      ns.hitLimit = options.hitLimit;
      ns.hitCount = options.hitLimit === undefined ? undefined : 0;
      const wanted = options.testFilter ? new Set(options.testFilter) : undefined;
      const chosen = subjects.filter((s) => !wanted || wanted.has(s.id));
      const killedBy: string[] = [];
      const messages: string[] = [];
      let ran = 0;
      for (const subject of chosen) {
        ran++;
        const failures = await subject.run();
        if (ns.hitLimit !== undefined && (ns.hitCount ?? 0) > ns.hitLimit) return { status: MutantRunStatus.Timeout, reason: `hit limit reached (${ns.hitCount}/${ns.hitLimit})` };
        if (failures.length > 0) {
          killedBy.push(subject.id);
          messages.push(...failures);
          if (!options.disableBail) break;
        }
      }
      return killedBy.length > 0
        ? { status: MutantRunStatus.Killed, killedBy, failureMessage: messages.slice(0, 5).join("\n"), nrOfTests: ran }
        : { status: MutantRunStatus.Survived, nrOfTests: ran };
    } catch (error) {
      // The instrumentation throws past the harness only when a mutant loops (its hit limit).
      if (/Hit count limit reached/.test(describe(error))) return { status: MutantRunStatus.Timeout, reason: describe(error) };
      return { status: MutantRunStatus.Error, errorMessage: describe(error) };
    } finally {
      ns.activeMutant = undefined;
      ns.hitCount = undefined;
      ns.hitLimit = undefined;
    }
  }

  /** The subjects, from the sandbox (the process's working directory), loaded once per process. */
  private async load(): Promise<Subject[]> {
    if (!this.subjects) {
      const module = (await import(pathToFileURL(path.resolve("mutation/subjects.ts")).href)) as typeof import("./subjects.js");
      this.subjects = module.subjects();
      this.log.debug(`${this.subjects.length} conformance subjects loaded`);
    }
    return this.subjects;
  }

  private namespace(): Instrumentation {
    const global = globalThis as unknown as Record<string, Instrumentation | undefined>;
    return (global[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {});
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, "conformance", ConformanceTestRunner)];
