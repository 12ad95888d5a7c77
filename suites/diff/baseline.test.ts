/**
 * The regression gate on this repository: schemas/ against the last release (contract-baseline/),
 * with the acknowledgements of schemas/CHANGES.json. A breaking change nobody acknowledged fails
 * here, so `npm test` (and CI) fails on it. `npm run diff-baseline` prints the same report.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { run } from "../cli/helpers.js";

describe("contract-baseline", () => {
  it("says which release it is", () => {
    const release = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "contract-baseline", "RELEASE.json"), "utf8"));
    expect(release.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(release.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("schemas/ makes no breaking change against it that schemas/CHANGES.json does not acknowledge", async () => {
    // The gate needs each change's classification and acknowledgement, not the best witness: a short
    // search per breaking change keeps it well inside the timeout with ~45 acknowledged changes.
    const r = await run(["diff", "contract-baseline/schemas", "schemas", "--seconds", "1", "--runs", "20"], { cwd: PROJECT_ROOT });
    expect(r.stderr).toBe("");
    expect({ code: r.code, report: r.stdout }).toMatchObject({ code: 0 });
    expect(r.stdout).not.toMatch(/^Acknowledgement matching no change/m);
  }, 300_000); // a hang bound: 45 s at load 10 on two cores
});
