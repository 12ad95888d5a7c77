/** The exported documents are deterministic, independent of input order, and committed up to date. */
import { expect, test } from "vitest";
import { exportTree } from "../../src/export/index.js";
import { diffGeneratedTree } from "../../src/util/generated-files.js";
import { inputs } from "./helpers.js";

const contents = (tree: ReturnType<typeof exportTree>) => Object.fromEntries(tree.files);

test("building twice gives the same bytes", () => {
  expect(contents(exportTree(inputs))).toEqual(contents(exportTree(inputs)));
});

test("the order schemas and fixtures are read in changes nothing", () => {
  const reversed = {
    ...inputs,
    published: new Map([...inputs.published].reverse()),
    fixtures: [...inputs.fixtures].reverse(),
  };
  expect(contents(exportTree(reversed))).toEqual(contents(exportTree(inputs)));
});

test("exports/ is what the generator produces (else: npm run generate)", () => {
  expect(diffGeneratedTree(exportTree(inputs))).toEqual({ changed: [], extra: [] });
});
