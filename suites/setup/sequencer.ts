/**
 * The order test files start in: the longest first, so that the two workers finish together instead
 * of one of them running a minute-long suite alone at the end. vitest's own order sorts by the
 * durations of earlier runs, which a fresh clone (CI) has none of: it then keeps the glob's
 * alphabetical order, and suites/package/ (the tarball installs, the consumer's typecheck) came last.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";
import path from "node:path";

/**
 * Measured on the two-core machine (each file's CPU seconds, its own and its child processes', and its wall
 * time in CI), longest first.
 * A file missing from this list only loses its head start. ci-integration goes first because it asks
 * for the packed tarball at once: the first suite to ask packs it (suites/package/helpers.ts), and
 * spectral, which needs no tarball, keeps the other worker busy meanwhile.
 */
export const LONGEST_FIRST = [
  "suites/ci/ci-integration.test.ts", // 48 CPU s: three installs of the tarball, ten CLI runs
  "suites/export/spectral.test.ts", // 26 CPU s, no tarball
  "suites/package/consumer.test.ts", // 42 CPU s: an install, two typechecks, a vitest run
  "suites/export/asyncapi.test.ts", // 26 CPU s: one parse of the export, at import
  "suites/hostile/hostile.test.ts", // 19 CPU s, and tens of seconds of waiting for timeouts
  "suites/package/npx.test.ts", // 17 CPU s
  "suites/package/validators.test.ts", // 14 CPU s
  "suites/package/validators-only.test.ts",
  "suites/clients/compat.test.ts",
  "suites/implementations/python-jsonrpc.test.ts",
  "suites/implementations/python.test.ts",
  "suites/reports/chromium.test.ts",
  "suites/deliveries/plan-generator.test.ts",
  "suites/shards/merge-equals-unsharded.test.ts",
  "suites/diff/baseline.test.ts",
  "suites/diff/cases.test.ts",
  "suites/protocol-check/check-adapter.test.ts",
  "suites/implementations/independent.test.ts",
  "suites/export/prism.test.ts",
  "suites/reports/write-reports.test.ts",
  "suites/package/publish.test.ts",
  "suites/deliveries/delivery-checks.test.ts",
  "suites/properties/fuzz.test.ts",
  "suites/implementations/sdk-defects.test.ts",
  "suites/adapters/process-failures.test.ts",
  "suites/shards/refusals.test.ts",
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // vitest's order (earlier runs' durations when it has them), then the known long files moved ahead of it.
    const base = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/"));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    return base.map((spec, i) => ({ spec, i, r: rank(spec) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ spec }) => spec);
  }
}
