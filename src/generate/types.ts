/**
 * The TypeScript types of the published schemas: `npm run generate` (part of) and its `--check`.
 * generated/send.ts and receive.ts hold one type per Graph type per profile, operations.ts and
 * notifications.ts one per message schema, and index.ts re-exports them with `SchemaTypes`.
 */
import { isObject, type JsonObject } from "../util/json.js";
import { GENERATED_DIR } from "../util/paths.js";
import type { GeneratedTree } from "../util/generated-files.js";
import { compileUnit, type TypeUnit } from "./compile-unit.js";
import { renderHeader, renderIndexModule, renderImports, renderRefineModule } from "./render.js";
import { REFINE_MODULE_FILE } from "./refine-helper.js";
import { GenerateError, TYPE_MODULES, moduleOf, pascalCase, qualifiedTypeName, resolveRef, typeNameOf, defTypeNameOf, type TypeModule } from "./modules.js";
import { describeWithNotes, takeUnshown } from "./notes.js";
import { GRAPH_TYPE_TAG, PROPERTY_NOTES_HEADING, translateSchema, type TranslationScope } from "./translate.js";

/** Published schemas, keyed by their path under schemas/ ("send/call.json"), as the profile compiler produces them. */
export type PublishedSchemas = ReadonlyMap<string, JsonObject>;

export async function typesTree(published: PublishedSchemas): Promise<GeneratedTree> {
  const files = new Map<string, string>();
  for (const module of TYPE_MODULES) {
    const paths = [...published.keys()].filter((p) => moduleOf(p) === module).sort();
    files.set(module.file, await renderModule(module, paths, published));
  }
  files.set(REFINE_MODULE_FILE, renderRefineModule());
  files.set("index.ts", renderIndexModule(published));
  return { root: GENERATED_DIR, owned: ["."], files };
}

/** What a module's types refer to beyond its own declarations. */
interface ModuleImports {
  modules: Set<TypeModule>;
  refine: boolean;
}

async function renderModule(module: TypeModule, paths: string[], published: PublishedSchemas): Promise<string> {
  const imports: ModuleImports = { modules: new Set(), refine: false };
  const units: TypeUnit[] = [];
  for (const file of paths) {
    const schema = published.get(file)!;
    const scope = scopeFor(file, module, published, imports);
    units.push(...declare(typeNameOf(file), file, "", schema, scope, module.kind === "messages"));
    const defs = isObject(schema.$defs) ? schema.$defs : {};
    for (const [defName, def] of Object.entries(defs)) {
      if (!isObject(def)) throw new GenerateError(file, `$defs/${defName}`, "a $defs entry must be a schema object");
      units.push(...declare(defTypeNameOf(file, defName), file, `$defs/${defName}`, def, scope, false));
    }
  }
  assertUniqueNames(units);
  const declarations = await Promise.all(units.map(compileUnit));
  return [renderHeader(module), renderImports(module, imports.modules, imports.refine), ...declarations].filter(Boolean).join("\n");
}

/**
 * One declared type, plus the refinement types it refers to. Its JSDoc lists the constraints that no
 * property's JSDoc shows; a message type (`summarize`) lists all of them, so it says in one place
 * everything it lets through that the schema rejects.
 */
function declare(name: string, file: string, at: string, node: JsonObject, fileScope: FileScope, summarize: boolean): TypeUnit[] {
  const refinements: TypeUnit[] = [];
  const scope: TranslationScope = {
    ...fileScope,
    refine(base, refinement, refinedAt) {
      const refinementName = `${name}${pascalCase(refinedAt)}Refinement`;
      const where = refinedAt === "" ? "" : ` at ${refinedAt}`;
      const description = `What ${name} refines of ${base}${where} (the keywords beside its $ref), applied by Refine in refine.ts.`;
      refinements.push({ name: refinementName, file, at: [at, refinedAt].filter(Boolean).join(" "), schema: { ...refinement, description } });
      return fileScope.refineType(base, refinementName);
    },
  };
  const t = translateSchema(node, scope, "plain", "");
  const own = typeof t.schema.description === "string" ? t.schema.description : undefined;
  const description = !summarize
    ? describeWithNotes(own, takeUnshown(t.notes), "", PROPERTY_NOTES_HEADING)
    : t.notes.length > 0
      ? describeWithNotes(own, t.notes, "", "Looser than the schema, because TypeScript cannot express it (validate() checks it):")
      : [own, "As precise as the schema, except for what the referenced types note in their own documentation."].filter(Boolean).join("\n\n");
  return [{ name, file, at, schema: { ...t.schema, ...(description === undefined ? {} : { description }) } }, ...refinements];
}

/** What translating one schema file needs, except where its refinement types go (see declare). */
type FileScope = Omit<TranslationScope, "refine"> & { refineType(base: string, refinementName: string): string };

/** How a schema's refs (and, for message schemas, @odata.type tags) name generated types. */
function scopeFor(file: string, module: TypeModule, published: PublishedSchemas, imports: ModuleImports): FileScope {
  const scope: FileScope = {
    file,
    refineType(base, refinementName) {
      imports.refine = true;
      return `Refine<${base}, ${refinementName}>`;
    },
    typeOfRef(ref) {
      const target = resolveRef(ref, file);
      const schema = published.get(target.file);
      if (!schema) throw new GenerateError(file, "", `$ref "${ref}" points to ${target.file}, which is not a published schema`);
      if (target.defName !== undefined && !(isObject(schema.$defs) && target.defName in schema.$defs)) {
        throw new GenerateError(file, "", `$ref "${ref}": ${target.file} has no $defs/${target.defName}`);
      }
      const targetModule = moduleOf(target.file);
      if (targetModule !== module) imports.modules.add(targetModule);
      return qualifiedTypeName(target.file, module, target.defName);
    },
  };
  const profile = published.get(file)?.["x-profile"];
  if (module.kind === "messages" && typeof profile === "string") {
    const tags = tagIndex(published, profile);
    scope.typeOfTag = (tag) => {
      const target = tags.get(tag);
      return target === undefined ? undefined : scope.typeOfRef(`../${target}`);
    };
  }
  return scope;
}

/** @odata.type constant -> published path, for the Graph types of one profile folder; ambiguous tags are left out. */
function tagIndex(published: PublishedSchemas, folder: string): Map<string, string> {
  const byTag = new Map<string, string[]>();
  for (const [file, schema] of published) {
    if (!file.startsWith(`${folder}/`) || !isObject(schema.properties)) continue;
    const tag = schema.properties[GRAPH_TYPE_TAG];
    if (isObject(tag) && typeof tag.const === "string") byTag.set(tag.const, [...(byTag.get(tag.const) ?? []), file]);
  }
  return new Map([...byTag].filter(([, files]) => files.length === 1).map(([tag, files]) => [tag, files[0]!]));
}

function assertUniqueNames(units: TypeUnit[]): void {
  const seen = new Map<string, TypeUnit>();
  for (const unit of units) {
    const other = seen.get(unit.name);
    if (other) {
      throw new GenerateError(unit.file, unit.at, `the type name ${unit.name} is already declared for schemas/${other.file}${other.at ? ` at ${other.at}` : ""}`);
    }
    seen.set(unit.name, unit);
  }
}
