/**
 * `// @ts-expect-error <why>` directives: tsc proves each one still suppresses *an* error; removing
 * them and compiling again proves each suppresses an error *on its own line*, not one that only
 * shows because of a neighbouring case.
 */

export interface ExpectErrorDirective {
  /** 1-based line of the directive. */
  line: number;
  /** 1-based line whose error it expects (the next one). */
  target: number;
  /** The reason written after the directive. */
  why: string;
}

const DIRECTIVE = /^(\s*)\/\/ @ts-expect-error\b(.*)$/;

export function findExpectErrorDirectives(source: string): ExpectErrorDirective[] {
  return source.split("\n").flatMap((text, index) => {
    const match = DIRECTIVE.exec(text);
    return match ? [{ line: index + 1, target: index + 2, why: match[2]!.trim() }] : [];
  });
}

/** The same source with every directive turned into a plain comment; line numbers are unchanged. */
export function withoutExpectErrorDirectives(source: string): string {
  return source
    .split("\n")
    .map((text) => text.replace(DIRECTIVE, (_all, indent: string, why: string) => `${indent}// (expected error)${why}`))
    .join("\n");
}
