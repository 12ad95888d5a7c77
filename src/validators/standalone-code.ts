/**
 * The contract's validators as code: ajv's standalone output for every published schema, from the
 * one Ajv configuration (src/contract/ajv-setup.ts), made linear and bounded, in two modes:
 *
 * - "all": every error, for messages (`validate`). ajv's code with allErrors has three ways to take
 *   time that grows faster than the payload, each rewritten here (and the rewrite refuses ajv
 *   output it does not recognise, so an ajv upgrade cannot silently bring them back):
 *   - `vErrors = vErrors.concat(validateN.errors)` after every failed $ref, inside item loops:
 *     quadratic in the number of errors (a 32 KB roster took 68 s). Appended in place instead.
 *   - uniqueItems compares every pair of items with a deep equality: quadratic in the items
 *     (20,000 distinct modalities: 7 s). Found with one pass over canonical keys instead, and the
 *     same pair ajv would report.
 *   - every item and every property is visited whatever the errors so far: a 10 MB payload of
 *     junk collects millions of errors (gigabytes). Each array or object loop stops once it has
 *     added `loopCap` errors; the caller sets the cap and learns whether a loop stopped.
 *     Stopping a loop that has already added an error cannot change any verdict: every scope
 *     around it is already failing (ajv judges a scope by "were errors added"), and a scope whose
 *     errors are later discarded (a failed anyOf branch) fails either way.
 * - "first": stops at the first error (ajv's allErrors: false, not verbose), for `isValid`.
 *
 * The same code serves the modules written at build time (write-standalone.ts) and `Contract.load`,
 * which compiles it at run time: one code path, one set of answers.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { createContractAjv } from "../contract/ajv-setup.js";
import type { SchemaEntry } from "../contract/registry.js";
import { STANDALONE_MODULES, type ErrorMode, type ValidatorsModule } from "./standalone-module.js";
import type { Ajv2020 } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

/** Helpers the rewritten code calls; plain ES2022, defined once per module. */
const RUNTIME = String.raw`
let loopCap = Infinity;
let cutShort = false;
function appendErrors(into, more) {
  for (let i = 0; i < more.length; i++) into.push(more[i]);
  return into;
}
function stopLoop() {
  cutShort = true;
}
/** A canonical key for a JSON value (objects by sorted keys), or undefined for anything JSON cannot hold. */
function canonicalKey(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string": return JSON.stringify(value);
    case "number": return Object.is(value, -0) ? "0" : String(value);
    case "boolean": return String(value);
    case "object": {
      if (Array.isArray(value)) {
        const parts = [];
        for (const item of value) { const key = canonicalKey(item); if (key === undefined) return undefined; parts.push(key); }
        return "[" + parts.join(",") + "]";
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const parts = [];
      for (const name of Object.keys(value).sort()) { const key = canonicalKey(value[name]); if (key === undefined) return undefined; parts.push(JSON.stringify(name) + ":" + key); }
      return "{" + parts.join(",") + "}";
    }
    default: return undefined;
  }
}
/** The duplicate pair ajv's uniqueItems reports (the highest i, then the highest j < i), in one pass; undefined when all items differ. */
function duplicatePair(items, equal) {
  const last = new Map();
  let pair;
  for (let i = 0; i < items.length; i++) {
    const key = canonicalKey(items[i]);
    if (key === undefined) return pairwiseDuplicate(items, equal);
    const j = last.get(key);
    if (j !== undefined) pair = [i, j];
    last.set(key, i);
  }
  return pair;
}
function pairwiseDuplicate(items, equal) {
  for (let i = items.length; i--;) for (let j = i; j--;) if (equal(items[i], items[j])) return [i, j];
  return undefined;
}
`;

/** The code of a function body `(require) => ValidatorsModule`: the validators by schema name, and the loop-cap controls. */
export function validatorsCode(entries: SchemaEntry[], mode: ErrorMode): string {
  return exportedCode(codeAjv(entries, mode), entries, mode);
}

/** An Ajv holding every published schema (any of them may be a $ref target), set to generate standalone code. */
function codeAjv(entries: SchemaEntry[], mode: ErrorMode): Ajv2020 {
  // Formats that are functions (uri, date-time...) are referenced from ajv-formats; regex formats (our uuid) are inlined.
  const { _ } = require("ajv/dist/compile/codegen/index.js") as typeof import("ajv/dist/compile/codegen/index.js");
  const ajv = createContractAjv(mode, { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` });
  for (const entry of entries) ajv.addSchema(entry.schema, entry.id);
  return ajv;
}

/** validatorsCode for the `exported` schemas only: ajv's standalone code brings along just the functions their $refs reach. */
function exportedCode(ajv: Ajv2020, exported: SchemaEntry[], mode: ErrorMode): string {
  const standaloneCode = (require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
  const code = rewrite(standaloneCode(ajv, Object.fromEntries(exported.map((e) => [e.name, e.id]))), mode);
  return [
    RUNTIME,
    `const validators = (function (exports) {`,
    code,
    `return exports;`,
    `})({});`,
    `const collection = { begin(cap) { loopCap = cap; cutShort = false; }, cutShort: () => cutShort };`,
    `return { validators, collection };`,
  ].join("\n");
}

/**
 * Which generated module holds a schema's validator: each operation its own, the notifications
 * together (every kind shares most of the commsNotification code), the types of each profile
 * together. Validating one document then parses the code its schema needs, not every schema's:
 * a create-call request 0.15 MB instead of 1 MB (about 20 ms less at every CLI start here). Finer
 * (one module per schema) would repeat the shared code in 147 modules, 6.7 MB per mode.
 */
export function moduleGroup(entry: Pick<SchemaEntry, "kind" | "name" | "profile">): string {
  return entry.kind === "operation" ? `operation.${entry.name}` : entry.kind === "notification" ? "notifications" : `types.${entry.profile}`;
}

export interface GeneratedModule {
  /** Relative to the folder of the index module ("standalone.cjs", "standalone/notifications.cjs"). */
  file: string;
  code: string;
}

/**
 * The CommonJS modules written at build time into `moduleDir`: the index named by STANDALONE_MODULES
 * (what findStandaloneModule loads: the validators by name, each group's module required on first
 * use of one of its validators, and the schema files, required relative to it), and one module per
 * group (moduleGroup) in the folder of the same name.
 */
export function standaloneModuleFiles(entries: SchemaEntry[], moduleDir: string, mode: ErrorMode = "all"): GeneratedModule[] {
  const index = STANDALONE_MODULES[mode];
  const partsDir = index.replace(/\.cjs$/, "");
  const groups = new Map<string, SchemaEntry[]>();
  for (const entry of entries) groups.set(moduleGroup(entry), [...(groups.get(moduleGroup(entry)) ?? []), entry]);
  const ajv = codeAjv(entries, mode);
  const header = (what: string) => [
    `// GENERATED by npm run build (src/validators/standalone-code.ts) from the published schemas. Do not edit.`,
    `// ${what}: ajv's standalone code (${mode === "all" ? "every error" : "stops at the first error"}), rewritten to stay linear; loading it compiles nothing.`,
    `"use strict";`,
  ];
  const parts = [...groups].map(([group, members]) => ({
    file: `${partsDir}/${group}.cjs`,
    code: [...header(`The validators of ${members.length === 1 ? members[0]!.name : `${group} (${members.length} schemas)`}`), `const { validators, collection } = (function () {`, exportedCode(ajv, members, mode), `})();`, `exports.validators = validators;`, `exports.collection = collection;`, ``].join("\n"),
  }));
  const partOf = new Map([...groups.keys()].map((group, i) => [group, i]));
  const indexCode = [
    ...header("The validators by schema name, each group's module loaded on first use"),
    `const parts = [`,
    ...parts.map((part) => `  () => require(${JSON.stringify(`./${part.file}`)}),`),
    `];`,
    `const partOf = [`,
    ...entries.map((e) => `  [${JSON.stringify(e.name)}, ${partOf.get(moduleGroup(e))}],`),
    `];`,
    `const loaded = [];`,
    `let loopCap = Infinity;`,
    `function part(i) {`,
    `  if (loaded[i] === undefined) { loaded[i] = parts[i](); loaded[i].collection.begin(loopCap); }`,
    `  return loaded[i];`,
    `}`,
    `const validators = {};`,
    `for (const [name, i] of partOf) Object.defineProperty(validators, name, { enumerable: true, get: () => part(i).validators[name] });`,
    `// One validation at a time: the cap goes to every module loaded, and whichever ran says whether it cut a loop short.`,
    `const collection = {`,
    `  begin(cap) { loopCap = cap; for (const m of loaded) if (m !== undefined) m.collection.begin(cap); },`,
    `  cutShort: () => loaded.some((m) => m !== undefined && m.collection.cutShort()),`,
    `};`,
    `const schemaFiles = new Map([`,
    ...entries.map((e) => `  [${JSON.stringify(e.id)}, () => require(${JSON.stringify(relativeRequire(moduleDir, e.file))})],`),
    `]);`,
    `exports.validators = validators;`,
    `exports.collection = collection;`,
    `exports.schemaById = (id) => schemaFiles.get(id)?.();`,
    ``,
  ].join("\n");
  return [{ file: index, code: indexCode }, ...parts];
}

/** The same validators, compiled now (Contract.load): ajv's compiler plus one evaluation of the code. */
export function compileValidators(entries: SchemaEntry[], mode: ErrorMode): Omit<ValidatorsModule, "schemaById"> {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is ajv's own output for our schemas
  return new Function("require", validatorsCode(entries, mode))(require) as Omit<ValidatorsModule, "schemaById">;
}

/** ajv's output -> linear and bounded (see the module comment); throws on any construct it does not know to be safe. */
export function rewrite(code: string, mode: ErrorMode): string {
  let out = code.replace(/vErrors\.concat\((validate\d+\.errors)\)/g, "appendErrors(vErrors, $1)");
  out = out.replace(
    /outer(\d+):for\(;(i\d+)--;\)\{for\((j\d+) = \2; \3--;\)\{if\((func\d+)\((data\d*)\[\2\], \5\[\3\]\)\)\{/g,
    (match, n: string, i: string, j: string, equal: string, data: string, offset: number, whole: string) => {
      // The loops stay and run once, on the pair found in one pass: ajv's body ends with `break outerN`.
      const body = whole.slice(offset + match.length, whole.indexOf("}}}", offset) + 3);
      if (!body.endsWith(`break outer${n};}}}`) || /\bfor\s*\(/.test(body)) throw new Error(`standalone-code: a uniqueItems loop rewrite() does not know: ${whole.slice(offset, offset + 300)}`);
      return `outer${n}:for(let dup${n} = duplicatePair(${data}, ${equal}); dup${n} !== undefined; dup${n} = undefined){${i} = dup${n}[0];for(${j} = dup${n}[1];;){{`;
    },
  );
  if (mode === "all") {
    out = out.replace(/for\(let (i\d+)=0; \1<(len\d+); \1\+\+\)\{/g, (_m, i: string, len: string) => `for(let ${i}=0, cap${i}=errors+loopCap; ${i}<${len}; ${i}++){if(errors>=cap${i}){stopLoop();break;}`);
    out = out.replace(/for\(const (key\d+) in (data\d*)\)\{/g, (_m, key: string, data: string) => `let cap${key}=errors+loopCap;for(const ${key} in ${data}){if(errors>=cap${key}){stopLoop();break;}`);
  }
  assertKnownLoops(out, mode);
  return out;
}

/** Every loop left in the code is one the rewrite produced or one that adds no error (uniqueItems' own counters). */
function assertKnownLoops(code: string, mode: ErrorMode): void {
  if (/\.concat\(/.test(code)) throw new Error("standalone-code: ajv's output still concatenates errors (quadratic): teach rewrite() the new form");
  const known = [
    /^for\(let i\d+=0, capi\d+=errors\+loopCap; i\d+<len\d+; i\d+\+\+\)\{if\(errors>=capi\d+\)/,
    /^for\(const key\d+ in data\d*\)\{if\(errors>=capkey\d+\)/,
    /^for\(let dup\d+ = duplicatePair\(/,
    /^for\(j\d+ = dup\d+\[1\];;\)/,
    ...(mode === "first" ? [/^for\(let i\d+=0; i\d+<len\d+; i\d+\+\+\)\{/, /^for\(const key\d+ in data\d*\)\{/] : []),
  ];
  for (const match of code.matchAll(/\bfor\s*\(/g)) {
    const text = code.slice(match.index, match.index + 120);
    if (!known.some((k) => k.test(text))) throw new Error(`standalone-code: a loop rewrite() does not know (it may be quadratic or unbounded): ${text}`);
  }
  if (/\bwhile\s*\(/.test(code)) throw new Error("standalone-code: ajv's output has a while loop rewrite() does not know");
}

function relativeRequire(fromDir: string, file: string): string {
  const relative = path.relative(fromDir, file).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}
