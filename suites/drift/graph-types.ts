/**
 * Microsoft's own description of the calling types: the interfaces and string-literal unions of
 * @microsoft/microsoft-graph-types (v1.0) and -beta, generated from Graph's metadata. Read with the
 * TypeScript compiler API (a parse, no type checking: the files are 40 000 and 80 000 lines).
 *
 * The walk starts at the calling roots and follows every property whose type is another interface
 * or union of the same file, except properties the drift decisions leave out of the contract: the
 * surface is what our schemas must either declare or explain.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import ts from "typescript";

export interface GraphInterface {
  name: string;
  /** The interface it extends (Graph's base type), if any. */
  base: string | undefined;
  /** Own properties: name -> the names of the file's types its type mentions. */
  properties: Map<string, string[]>;
}

export interface GraphTypes {
  package: string;
  version: string;
  interfaces: Map<string, GraphInterface>;
  /** String-literal unions (Graph enums): name -> members. */
  enums: Map<string, string[]>;
}

const require = createRequire(import.meta.url);

export function readGraphTypes(packageName: string): GraphTypes {
  const packageJson = require.resolve(`${packageName}/package.json`);
  const version = (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string }).version;
  const file = packageJson.replace(/package\.json$/, "microsoft-graph.d.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const interfaces = new Map<string, GraphInterface>();
  const enums = new Map<string, string[]>();
  // Top-level declarations only: the namespaces (CallRecords, Security...) hold other workloads' types.
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const base = statement.heritageClauses?.flatMap((c) => c.types.map((t) => t.expression.getText(source)))[0];
      const properties = new Map<string, string[]>();
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || !member.name) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
        properties.set(name, member.type ? referencedNames(member.type, source) : []);
      }
      interfaces.set(statement.name.text, { name: statement.name.text, base, properties });
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const members = literalMembers(statement.type);
      if (members) enums.set(statement.name.text, members);
    }
  }
  return { package: packageName, version, interfaces, enums };
}

/** The type names a property's type mentions, unwrapped from NullableOption<>, arrays and unions. */
function referencedNames(node: ts.TypeNode, source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n)) {
      const name = n.typeName.getText(source);
      if (name !== "NullableOption") names.push(name);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

function literalMembers(node: ts.TypeNode): string[] | undefined {
  const parts = ts.isUnionTypeNode(node) ? [...node.types] : [node];
  const members: string[] = [];
  for (const part of parts) {
    if (!ts.isLiteralTypeNode(part) || !ts.isStringLiteral(part.literal)) return undefined;
    members.push(part.literal.text);
  }
  return members;
}

/** Own and inherited properties of an interface, base first (Entity's id belongs to every entity). */
export function allProperties(types: GraphTypes, name: string): Map<string, string[]> {
  const chain: GraphInterface[] = [];
  for (let current = types.interfaces.get(name); current && chain.length < 16; current = current.base ? types.interfaces.get(current.base) : undefined) chain.unshift(current);
  const out = new Map<string, string[]>();
  for (const i of chain) for (const [p, refs] of i.properties) out.set(p, refs);
  return out;
}

/** The interfaces that extend `name`, directly or not. */
export function subtypesOf(types: GraphTypes, name: string): string[] {
  const out: string[] = [];
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const i of types.interfaces.values()) {
      if (i.base === current && !out.includes(i.name)) {
        out.push(i.name);
        queue.push(i.name);
      }
    }
  }
  return out.sort();
}
