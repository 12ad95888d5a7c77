/**
 * Node module hooks that let the mutation runner import the sandbox's TypeScript as it is (the
 * instrumented reference and the harness sources): `.ts` files are transpiled on load, without type
 * checking (Stryker marks instrumented files @ts-nocheck anyway), and a relative `./x.js` that does
 * not exist resolves to `./x.ts`, as tsc's NodeNext resolution does. Registered by runner.ts.
 */
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ts from "typescript";

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;
type NextLoad = (url: string, context: unknown) => Promise<{ format?: string | null; source?: unknown }>;

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<{ url: string }> {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relativeJs = /^\.{1,2}\//.test(specifier) && specifier.endsWith(".js");
    if (!relativeJs || (error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    return next(`${specifier.slice(0, -".js".length)}.ts`, context);
  }
}

export async function load(url: string, context: unknown, next: NextLoad): Promise<{ format?: string | null; source?: unknown; shortCircuit?: boolean }> {
  if (!url.startsWith("file:") || !url.endsWith(".ts") || url.endsWith(".d.ts")) return next(url, context);
  const fileName = fileURLToPath(url);
  const output = ts.transpileModule(await fs.readFile(fileName, "utf8"), {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: false },
  });
  return { format: "module", source: output.outputText, shortCircuit: true };
}
