import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["suites/**/*.test.ts"],
    // Suites that run the built CLI, the packed tarball or the compiled proof workers need dist/ as
    // the sources are now: the build is a no-op (a walk of file times) when nothing changed.
    // pack.ts: one folder per run where the first suite needing the tarball packs it (the others reuse it).
    globalSetup: ["suites/setup/build.ts", "suites/setup/pack.ts"],
    pool: "forks",
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
