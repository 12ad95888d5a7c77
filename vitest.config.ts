import os from "node:os";
import { defineConfig } from "vitest/config";
import LongestFirst from "./suites/setup/sequencer.js";

export default defineConfig({
  test: {
    include: ["suites/**/*.test.ts"],
    // Suites that run the built CLI, the packed tarball or the compiled proof workers need dist/ as
    // the sources are now: the build is a no-op (a walk of file times) when nothing changed.
    // pack.ts: one folder per run where the first suite needing the tarball packs it (the others reuse it).
    globalSetup: ["suites/setup/build.ts", "suites/setup/pack.ts"],
    pool: "forks",
    // The long files start first (suites/setup/sequencer.ts), so both workers stay busy to the end.
    sequence: { sequencer: LongestFirst },
    // Each worker keeps its imported modules from one file to the next: a fresh module graph per file
    // cost more CPU than the tests of most files (the harness, msw, ajv and the contract, loaded ~90
    // times). The suites leave nothing behind that another file could see: msw interceptions are
    // closed in afterAll, spies restored, and no suite mocks a module.
    isolate: false,
    // One worker per core (vitest's default leaves one core idle: one worker on a two-core CI machine).
    maxWorkers: Math.max(1, os.availableParallelism()),
    // Timeouts catch hangs; they are not speed checks (those are in npm run bench). Two workers on
    // a shared machine can each get a fraction of a core (load 20 on two cores): a test doing seconds
    // of CPU work must not fail for waiting its turn (27 s of an AsyncAPI parse at load 10 had 60 s),
    // so the bound is three minutes, and the slowest suites say their own.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
