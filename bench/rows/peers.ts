/**
 * Other validators given our published schemas, as peers in the bench: plain ajv (as a bot would
 * compile our schemas itself, no rewrite, no messages), @exodus/schemasafe and @cfworker/json-schema.
 * Each must give our verdict on every committed fixture (documented payloads for each schema they
 * claim, every invalid case) before its speed means anything; a disagreement fails the row.
 */
import { createRequire } from "node:module";
import { Validator as CfValidator, format as cfFormats } from "@cfworker/json-schema";
import { validator as schemasafe } from "@exodus/schemasafe";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { AJV_FORMATS, ANNOTATION_KEYWORDS, GUID } from "../../src/contract/ajv-setup.js";
import { readSchemaEntries, type SchemaEntry } from "../../src/contract/registry.js";
import { loadDocumentedFixtures, loadInvalidCases } from "../../src/fixtures/load.js";
import { isValid } from "../../src/validators/index.js";
import type { SchemaName } from "../../generated/index.js";

const require = createRequire(import.meta.url);

/** A peer: schema name -> a function answering valid or not. */
export interface Peer {
  id: string;
  label: string;
  compile(entries: SchemaEntry[], options: { allErrors: boolean }): (name: string) => (payload: unknown) => unknown;
  /** The verdict of what `validate` returned. */
  verdict(result: unknown): boolean;
}

const plainAjv: Peer = {
  id: "ajv",
  label: "plain ajv (ajv's own errors, no messages)",
  compile(entries, { allErrors }) {
    const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as { Ajv2020: new (o: object) => Ajv2020 };
    const addFormats = (require("ajv-formats") as { default: (ajv: Ajv2020, f: string[]) => void }).default;
    const ajv = new Ajv({ allErrors, strict: true, strictTypes: false, strictRequired: false, discriminator: true, keywords: ANNOTATION_KEYWORDS });
    addFormats(ajv, AJV_FORMATS);
    ajv.addFormat("uuid", GUID);
    for (const e of entries) ajv.addSchema(e.schema, e.id);
    return (name) => ajv.getSchema(entries.find((e) => e.name === name)!.id)!;
  },
  verdict: (result) => result === true,
};

const exodus: Peer = {
  id: "schemasafe",
  label: "@exodus/schemasafe",
  compile(entries, { allErrors }) {
    // It refuses to compile a string keyword beside a type that excludes strings ("Unexpected rules in
    // type": the send profile's resultInfo.code is `integer` with the receive profile's digits pattern,
    // which JSON Schema ignores for an integer), so it gets those schemas without the dead keyword.
    const usable = entries.map((e) => ({ ...e, schema: withoutInapplicableStringRules(e.schema) }));
    const schemas = new Map(usable.map((e) => [e.id, e.schema]));
    const cache = new Map<string, (payload: unknown) => boolean>();
    return (name) => {
      let fn = cache.get(name);
      if (!fn) {
        const entry = usable.find((e) => e.name === name)!;
        // discriminator and x-* are annotations to it (the oneOf decides); our uuid is stricter than its own.
        fn = schemasafe(entry.schema as never, { schemas: schemas as never, allowUnusedKeywords: true, includeErrors: allErrors, allErrors, formats: { uuid: GUID } }) as (payload: unknown) => boolean;
        cache.set(name, fn);
      }
      return fn;
    };
  },
  verdict: (result) => result === true,
};

const cfworker: Peer = {
  id: "cfworker",
  label: "@cfworker/json-schema",
  compile(entries, { allErrors }) {
    cfFormats.uuid = (s: string) => GUID.test(s); // ours: no "urn:uuid:" prefix
    // It reads an "id" key anywhere as a schema id (draft 4), so x-forbidden's {"id": "why"} would
    // collide: our x-* annotations are dropped, which changes no verdict.
    const plain = entries.map((e) => ({ ...e, schema: withoutAnnotations(e.schema) }));
    const cache = new Map<string, CfValidator>();
    return (name) => {
      let v = cache.get(name);
      if (!v) {
        const entry = plain.find((e) => e.name === name)!;
        v = new CfValidator(entry.schema as never, "2020-12", !allErrors);
        for (const other of plain) if (other !== entry) v.addSchema(other.schema as never, other.id);
        cache.set(name, v);
      }
      const validator = v;
      return (payload) => validator.validate(payload);
    };
  },
  verdict: (result) => (result as { valid: boolean }).valid,
};

export const PEERS = [plainAjv, exodus, cfworker];

function withoutAnnotations<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutAnnotations) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith("x-")).map(([k, v]) => [k, withoutAnnotations(v)])) as T;
}

const STRING_RULES = ["pattern", "minLength", "maxLength", "format"];

/** Drops string-only keywords where the same node's `type` excludes strings: they can never apply there, so no verdict changes. */
function withoutInapplicableStringRules<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutInapplicableStringRules) as T;
  if (value === null || typeof value !== "object") return value;
  const type = (value as { type?: unknown }).type;
  const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  const dead = (k: string) => types !== undefined && !types.includes("string") && STRING_RULES.includes(k);
  return Object.fromEntries(Object.entries(value).filter(([k]) => !dead(k)).map(([k, v]) => [k, withoutInapplicableStringRules(v)])) as T;
}

/** Every (schema, payload) pair of the committed fixtures, with our verdict. */
export function fixtureCases(): Array<{ what: string; schema: string; payload: unknown; valid: boolean }> {
  const documented = loadDocumentedFixtures().flatMap(({ file, data }) => data.payload === null ? [] : data.schemas.map((schema) => ({ what: `${file} as ${schema}`, schema, payload: data.payload })));
  const invalid = loadInvalidCases().map(({ file, data }) => ({ what: file, schema: data.schema, payload: data.payload }));
  return [...documented, ...invalid].map((c) => ({ ...c, valid: isValid(c.schema as SchemaName, c.payload) }));
}

/** Throws, listing each fixture where the peer's verdict differs from ours. */
export function checkVerdicts(peer: Peer): void {
  const compiled = peer.compile(readSchemaEntries(), { allErrors: false });
  const disagreements = fixtureCases().filter((c) => peer.verdict(compiled(c.schema)(c.payload)) !== c.valid);
  if (disagreements.length > 0) throw new Error(`${peer.label} disagrees with our verdict on ${disagreements.length} fixture(s): ${disagreements.slice(0, 5).map((d) => `${d.what} (ours: ${d.valid ? "valid" : "invalid"})`).join("; ")}`);
}
