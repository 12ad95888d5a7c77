import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["suites/**/*.test.ts"],
    // Suites that run the built CLI, the packed tarball or the compiled proof workers need dist/ as
    // the sources are now: the build is a no-op (a walk of file times) when nothing changed.
    // pack.ts: one folder per run where the first suite needing the tarball packs it (the others reuse it).
    globalSetup: ["suites/setup/build.ts", "suites/setup/pack.ts"],
    // Suites compile the whole contract once per worker; two cores is the CI budget.
    pool: "forks",
    testTimeout: 20_000,
  },
});
