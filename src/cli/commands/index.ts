/** Every CLI command, in the order `--help` lists them. */
import type { Command } from "../command.js";
import { conformanceCommand } from "./conformance.js";
import { extractCommand } from "./extract.js";
import { generateCommand } from "./generate.js";
import { schemasCommand } from "./schemas.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: Command[] = [validateCommand, schemasCommand, extractCommand, generateCommand, conformanceCommand];
