/** Python snippets, through implementations/sdk-python/snippet_host.py and msgraph-sdk from .toolchains/python. */
import fs from "node:fs";
import path from "node:path";
import { onPath, runProcess } from "../process.js";
import { PYTHON_PACKAGES, pythonEnv, SDK_DIRS, SETUP_SCRIPT } from "../toolchains.js";
import { fillMissing, lastLines, parseHostLines, type LanguageRunner } from "./runner.js";

export const python: LanguageRunner = {
  language: "python",
  unavailable() {
    if (!onPath("python3")) return `python3 is not on PATH (install Python 3.11, then run ${SETUP_SCRIPT})`;
    if (!fs.existsSync(path.join(PYTHON_PACKAGES, "msgraph", "__init__.py"))) return `msgraph-sdk is not installed in .toolchains/python (run ${SETUP_SCRIPT})`;
    return undefined;
  },
  async run(snippets, ctx) {
    const job = { baseUrl: ctx.graphBaseUrl, snippets: snippets.map((s) => ({ key: s.key, token: ctx.tokenOf(s), code: s.code })) };
    const result = await runProcess("python3", [path.join(SDK_DIRS.python, "snippet_host.py")], { cwd: SDK_DIRS.python, input: JSON.stringify(job), env: pythonEnv(), timeoutMs: 60_000 + 20_000 * snippets.length });
    const outcomes = parseHostLines(result.stdout);
    return fillMissing(snippets, outcomes, result.timedOut ? "the Python host timed out" : `the Python host exited with ${result.code}: ${lastLines(result.stderr)}`);
  },
};
