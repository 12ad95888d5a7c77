/**
 * Every row of `npm run bench`, in the order printed. Adding a row: one module under bench/rows/
 * exporting a Row (bench/row.ts), one line here, one paragraph in bench/README.md.
 */
import type { Row } from "../row.js";
import { buildRow } from "./build.js";
import { cliHelpRows, cliValidateRow } from "./cli.js";
import { proofRow } from "./conformance.js";
import { extractRows } from "./extract.js";
import { memoryRow } from "./memory.js";
import { processRow } from "./process.js";
import { mockGraphRequestRow, notificationPostRow } from "./protocol.js";
import { validationRows } from "./validation.js";

export const ROWS: Row[] = [
  buildRow,
  proofRow,
  cliValidateRow,
  ...cliHelpRows,
  ...validationRows,
  ...extractRows,
  processRow,
  notificationPostRow,
  mockGraphRequestRow,
  memoryRow,
];
