/**
 * The GitHub Action (action.yml) and the GitLab CI template (ci/gitlab/) as their CI systems run them:
 * the steps' and jobs' own scripts, read from the files, executed with bash in a workspace, so what the
 * tests run cannot drift from what users run. Only what the files use is supported: the expressions
 * `${{ inputs.x }}`, `${{ steps.id.outputs.y }}` and `${{ runner.temp }}` in a step's env (the scripts
 * themselves hold none: an input expanded into a script could inject shell code), and `extends` of
 * template jobs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ROOT, withoutVitest } from "../package/helpers.js";

export const ACTION_FILE = path.join(ROOT, "action.yml");
export const GITLAB_TEMPLATE = path.join(ROOT, "ci", "gitlab", "graph-calls-contract.gitlab-ci.yml");

export interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
}

export interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface GitlabJob {
  extends?: string | string[];
  image?: string;
  variables?: Record<string, string>;
  before_script?: string[];
  script?: string[];
  artifacts?: { when?: string; paths?: string[]; reports?: { junit?: string | string[] } };
}

export const readYaml = <T>(file: string): T => parse(fs.readFileSync(file, "utf8")) as T;

export const EXPRESSION = /\$\{\{\s*(.+?)\s*\}\}/g;

/** Node, npm and a shell as a CI runner has them, with npm reading its cache first (it holds the pinned versions after npm ci). */
function baseEnv(): NodeJS.ProcessEnv {
  const env = withoutVitest(process.env);
  for (const key of Object.keys(env)) if (key.startsWith("GITHUB_") || key.startsWith("CI_") || key.startsWith("GCC_")) delete env[key];
  return { ...env, npm_config_prefer_offline: "true", npm_config_update_notifier: "false" };
}

export interface Executed {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv, flags: string[]): Executed {
  const file = path.join(cwd, `.script-${process.pid}-${Date.now()}.sh`);
  fs.writeFileSync(file, script);
  try {
    const r = spawnSync("bash", [...flags, file], { cwd, env, encoding: "utf8", timeout: 300_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr + (r.error ? `\n${r.error.message}` : "") };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export interface ActionRun extends Executed {
  /** The action's outputs, resolved from its steps'. */
  outputs: Record<string, string>;
  /** What the job summary got. */
  summary: string;
}

/** The composite action's steps in `workspace`, as GitHub runs them (bash --noprofile --norc -eo pipefail), up to the first that fails. */
export function runAction(action: Action, inputs: Record<string, string>, options: { workspace: string; runnerTemp: string; runId: string }): ActionRun {
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const stepOutputs = new Map<string, Record<string, string>>();
  const resolve = (text: string) =>
    text.replace(EXPRESSION, (_m, expr: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return inputs[m[1]!] ?? action.inputs[m[1]!]?.default ?? "";
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return stepOutputs.get(m[1]!)?.[m[2]!] ?? "";
      if (expr === "runner.temp") return options.runnerTemp;
      throw new Error(`action.yml: an expression this runner does not know: ${expr}`);
    });
  const summaryFile = path.join(options.runnerTemp, `step-summary-${Date.now()}.md`);
  fs.writeFileSync(summaryFile, "");
  let stdout = "";
  let stderr = "";
  let code = 0;
  for (const step of action.runs.steps) {
    const outputFile = path.join(options.runnerTemp, `output-${step.id ?? "step"}-${Date.now()}`);
    fs.writeFileSync(outputFile, "");
    const env = {
      ...baseEnv(),
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_RUN_ID: options.runId,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: options.runnerTemp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, resolve(String(v))])),
    };
    const r = bash(step.run ?? "", options.workspace, env, ["--noprofile", "--norc", "-eo", "pipefail"]);
    stdout += r.stdout;
    stderr += r.stderr;
    if (step.id) stepOutputs.set(step.id, Object.fromEntries(fs.readFileSync(outputFile, "utf8").split("\n").filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])));
    code = r.code;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, o]) => [name, resolve(o.value)]));
  return { code, stdout, stderr, outputs, summary: fs.readFileSync(summaryFile, "utf8") };
}

/** A template job with its `extends` applied: variables merged, the rest of the extending job's own kept over. */
export function resolveJob(jobs: Record<string, GitlabJob>, name: string): GitlabJob {
  const job = jobs[name];
  if (!job) throw new Error(`the GitLab template has no job "${name}"`);
  const parents = job.extends === undefined ? [] : Array.isArray(job.extends) ? job.extends : [job.extends];
  return parents.map((p) => resolveJob(jobs, p)).reduceRight<GitlabJob>((merged, parent) => ({ ...parent, ...merged, variables: { ...parent.variables, ...merged.variables } }), job);
}

/** A job's before_script and script in one shell, as GitLab's runner does (bash, stopping at the first line that fails). */
export function runJob(job: GitlabJob, variables: Record<string, string>, workspace: string): Executed {
  const env = { ...baseEnv(), CI: "true", GITLAB_CI: "true", CI_PROJECT_DIR: workspace, ...job.variables, ...variables };
  return bash([...(job.before_script ?? []), ...(job.script ?? [])].join("\n"), workspace, env, ["--noprofile", "--norc", "-eo", "pipefail"]);
}
