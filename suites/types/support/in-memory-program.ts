/**
 * One TypeScript program over source texts that exist only in memory (next to real files, so their
 * relative imports resolve), compiled with the project's tsconfig.json: typechecking hundreds of
 * payloads costs one program, not one per payload.
 */
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../../../src/util/paths.js";

export interface FileDiagnostic {
  /** 1-based. */
  line: number;
  message: string;
}

export interface InMemoryProgram {
  program: ts.Program;
  /** Syntactic and semantic diagnostics of one of the in-memory files. */
  diagnosticsOf(fileName: string): FileDiagnostic[];
  /** Diagnostics not tied to a file (options, globals). */
  globalDiagnostics(): string[];
}

export function projectCompilerOptions(): ts.CompilerOptions {
  const configPath = path.join(PROJECT_ROOT, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(`${configPath}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, PROJECT_ROOT);
  // No emit, no ambient @types and no DOM library (the default for the target): payload literals need
  // none of them, and parsing them is most of the program's cost.
  return { ...parsed.options, noEmit: true, types: [], lib: ["lib.es2022.d.ts"], declaration: false, sourceMap: false, incremental: false };
}

/** `files`: absolute path -> source text. */
export function createInMemoryProgram(files: ReadonlyMap<string, string>): InMemoryProgram {
  const options = projectCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, languageVersion, true) : getSourceFile.call(host, name, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return {
    program,
    diagnosticsOf(fileName) {
      const sourceFile = program.getSourceFile(fileName);
      if (!sourceFile) throw new Error(`${fileName} is not part of the program`);
      return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((d) => ({
        line: d.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(d.start).line + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      }));
    },
    globalDiagnostics() {
      return [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
}

/** Diagnostics as the lines of source they point at, for failure messages. */
export function showDiagnostics(diagnostics: FileDiagnostic[], source: string): string {
  const lines = source.split("\n");
  return diagnostics.map((d) => `line ${d.line}: ${d.message}\n    ${lines[d.line - 1]?.trim() ?? ""}`).join("\n");
}
