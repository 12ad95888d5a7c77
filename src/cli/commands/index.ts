/** Every CLI command, in the order `--help` lists them. */
import type { Command } from "../command.js";
import { compatCommand } from "./compat.js";
import { diffCommand } from "./diff.js";
import { exportCommand } from "./export.js";
import { extractCommand } from "./extract.js";
import { fixturesCommand } from "./fixtures.js";
import { generateCommand } from "./generate.js";
import { runCommand } from "./run.js";
import { schemasCommand } from "./schemas.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: Command[] = [runCommand, validateCommand, schemasCommand, fixturesCommand, extractCommand, generateCommand, diffCommand, exportCommand, compatCommand];
