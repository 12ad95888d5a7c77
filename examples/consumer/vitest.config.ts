import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Registers expect(...).toMatchContract(...) once for every suite.
    setupFiles: ["./test/setup.ts"],
  },
});
