/**
 * Java snippets, with com.microsoft.graph:microsoft-graph from implementations/sdk-java (jars in
 * .toolchains/java/lib). The published Java snippets have no imports and use a `graphClient` (or
 * build one from a `requestAdapter`) they do not declare; the wrapper is a class snippets.S<n>
 * importing java.util and the SDK's model and transfer packages, with both as fields, and the
 * snippet as the body of a static run(RequestAdapter). All are compiled in one javac call; those
 * that fail are set aside and the rest compiled again, then one JVM runs them all (SnippetHost).
 */
import fs from "node:fs";
import path from "node:path";
import type { HostOutcome } from "../model.js";
import { onPath, runProcess } from "../process.js";
import { javaClasspath, JAVA_LIB, SDK_DIRS, SETUP_SCRIPT, TOOLCHAINS_DIR } from "../toolchains.js";
import { fillMissing, lastLines, parseHostLines, type LanguageRunner } from "./runner.js";

const GEN_DIR = path.join(TOOLCHAINS_DIR, "java", "snippets");
const HOST_SOURCES = ["GraphClients.java", "Json.java", "SnippetHost.java"].map((f) => path.join(SDK_DIRS.java, "src", f));

const PROLOGUE = [
  "package snippets;",
  "",
  "import java.util.*;",
  "import com.microsoft.graph.models.*;",
  "import com.microsoft.graph.communications.calls.item.transfer.*;",
  "import com.microsoft.graph.serviceclient.GraphServiceClient;",
  "import com.microsoft.kiota.RequestAdapter;",
  "",
];

export function wrapJava(code: string, className: string): { source: string; firstLine: number } {
  const head = [
    ...PROLOGUE,
    `public final class ${className} {`,
    "  static RequestAdapter requestAdapter;",
    "  static GraphServiceClient graphClient;",
    "",
    "  public static void run(RequestAdapter adapter) throws Exception {",
    "    requestAdapter = adapter;",
    "    graphClient = new GraphServiceClient(adapter);",
  ];
  return { source: [...head, code, "  }", "}", ""].join("\n"), firstLine: head.length + 1 };
}

/** javac's "<file>:<line>: error: <message>" lines, per class, with snippet line numbers. */
function javacErrors(output: string, firstLine: number): Map<string, string> {
  const errors = new Map<string, string[]>();
  for (const line of output.split("\n")) {
    const m = /\/(S\d+)\.java:(\d+): error: (.*)$/.exec(line);
    if (!m) continue;
    const snippetLine = Number(m[2]) - firstLine + 1;
    errors.set(m[1]!, [...(errors.get(m[1]!) ?? []), `${snippetLine >= 1 ? `line ${snippetLine}` : "wrapper"}: ${m[3]}`]);
  }
  return new Map([...errors].map(([c, list]) => [c, list.join("; ")]));
}

export const java: LanguageRunner = {
  language: "java",
  unavailable() {
    if (!onPath("javac") || !onPath("java")) return `javac/java are not on PATH (install OpenJDK 17 and Maven, then run ${SETUP_SCRIPT})`;
    if (!fs.existsSync(JAVA_LIB) || !fs.readdirSync(JAVA_LIB).some((f) => /^microsoft-graph-\d/.test(f))) return `microsoft-graph is not installed in .toolchains/java/lib (run ${SETUP_SCRIPT})`;
    return undefined;
  },
  async run(snippets, ctx) {
    fs.rmSync(GEN_DIR, { recursive: true, force: true });
    const srcDir = path.join(GEN_DIR, "src", "snippets");
    const classes = path.join(GEN_DIR, "classes");
    fs.mkdirSync(srcDir, { recursive: true });
    const byClass = new Map<string, string>();
    let firstLine = 0;
    snippets.forEach((s, i) => {
      const className = `S${i + 1}`;
      const wrapped = wrapJava(s.code, className);
      firstLine = wrapped.firstLine;
      fs.writeFileSync(path.join(srcDir, `${className}.java`), wrapped.source);
      byClass.set(className, s.key);
    });
    const javac = (classNames: string[]) => {
      fs.rmSync(classes, { recursive: true, force: true });
      return runProcess("javac", ["-nowarn", "-Xmaxerrs", "1000", "-encoding", "UTF-8", "-d", classes, "-cp", javaClasspath(), ...HOST_SOURCES, ...classNames.map((c) => path.join(srcDir, `${c}.java`))], { cwd: SDK_DIRS.java, timeoutMs: 600_000 });
    };
    ctx.log(`java: compiling ${snippets.length} snippet(s)`);
    const first = await javac([...byClass.keys()]);
    const errors = javacErrors(`${first.stdout}\n${first.stderr}`, firstLine);
    const outcomes = new Map<string, HostOutcome>();
    for (const [c, message] of errors) outcomes.set(byClass.get(c)!, { outcome: "compile-error", message });
    const good = [...byClass.keys()].filter((c) => !errors.has(c));
    if (first.code !== 0) {
      if (errors.size === 0) return fillMissing(snippets, outcomes, `javac failed: ${lastLines(first.stderr || first.stdout)}`);
      const second = await javac(good);
      if (second.code !== 0) return fillMissing(snippets, outcomes, `javac failed on the snippets that compiled alone: ${lastLines(second.stderr || second.stdout)}`);
    }
    if (good.length === 0) return outcomes;
    const jobs = good.map((c) => [byClass.get(c)!, `snippets.${c}`, ctx.tokenOf(snippets.find((s) => s.key === byClass.get(c))!), ctx.graphBaseUrl].join("\t"));
    const result = await runProcess("java", ["-cp", javaClasspath(classes), "SnippetHost"], { cwd: SDK_DIRS.java, input: `${jobs.join("\n")}\n`, timeoutMs: 60_000 + 10_000 * jobs.length });
    for (const [key, outcome] of parseHostLines(result.stdout)) outcomes.set(key, outcome);
    return fillMissing(snippets, outcomes, result.timedOut ? "the Java snippet host timed out" : `the Java snippet host exited with ${result.code}: ${lastLines(result.stderr)}`);
  },
};
