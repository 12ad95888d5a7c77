import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["suites/**/*.test.ts"],
    // Suites compile the whole contract once per worker; two cores is the CI budget.
    pool: "forks",
    testTimeout: 20_000,
  },
});
