/**
 * The GitHub Action and the GitLab CI template, run: their own scripts (suites/ci/runner.ts reads them from
 * action.yml and ci/gitlab/) against the packed tarball installed as they install it, for a failing bot (exit 1,
 * annotations, the job summary, the report outputs) and for a sharded run merged by a last job, whose result
 * must be the unsharded one's. And their structure: every input used, every output set, no input expanded into
 * a script, the examples in examples/ naming only what exists.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packedTarball, requireBuild, ROOT, withoutVitest } from "../package/helpers.js";
import { ACTION_FILE, EXPRESSION, GITLAB_TEMPLATE, readYaml, resolveJob, runAction, runJob, type Action, type ActionRun, type Executed, type GitlabJob } from "./runner.js";

const action = readYaml<Action>(ACTION_FILE);
const template = readYaml<Record<string, GitlabJob>>(GITLAB_TEMPLATE);
/** A few scenarios and sequences, so that 3 shards each get some and the runs stay short. */
const ONLY = "create-call.v1.0.ex0[1-4],call-transfer.v1.0.ex01,sequence.transfer-*,sequence.outgoing-call-lifecycle";
const RUN_ID = "9876543210123";
const FAULTY = "node_modules/graph-calls-contract/dist/implementations/faulty/media-config-without-odata-type.js";
const INSTALL_MS = 300_000;

const results = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as { seed: number; totals: Record<string, number>; checks: Array<{ id: string; status: string }> };
const verdicts = (file: string) => results(file).checks.map((c) => `${c.id} ${c.status}`);
const output = (r: Executed) => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;

describe("action.yml", () => {
  const steps = action.runs.steps;
  const envText = steps.map((s) => Object.values(s.env ?? {}).join("\n")).join("\n");

  it("is a composite action with a name, a description, inputs and outputs", () => {
    expect(Object.keys(action)).toEqual(expect.arrayContaining(["name", "description", "inputs", "outputs", "runs"]));
    expect(action.runs.using).toBe("composite");
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toMatch(/\S/);
    for (const [name, out] of Object.entries(action.outputs)) expect(out.description, name).toMatch(/\S/);
    for (const step of steps) {
      expect(step.shell, step.name).toBe("bash");
      expect(step.run, step.name).toMatch(/\S/);
      expect(step.id, step.name).toMatch(/^[\w-]+$/);
    }
  });

  it("uses every input, through a step's env only: no expression in a script, where an input could inject shell code", () => {
    for (const name of Object.keys(action.inputs)) expect(envText, `input ${name}`).toContain(`\${{ inputs.${name} }}`);
    for (const step of steps) expect(step.run, step.name).not.toMatch(EXPRESSION);
  });

  it("sets every output from a step that writes it to GITHUB_OUTPUT", () => {
    for (const [name, out] of Object.entries(action.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(out.value);
      expect(m, `output ${name}: ${out.value}`).not.toBeNull();
      const step = steps.find((s) => s.id === m![1]);
      expect(step, `output ${name}: no step ${m![1]}`).toBeDefined();
      expect(step!.run, `output ${name}`).toMatch(new RegExp(`echo "${m![2]}=`));
    }
    // A step's outputs read by a later step are written by an earlier one.
    steps.forEach((step, i) => {
      for (const [, expr] of JSON.stringify(step.env ?? {}).matchAll(EXPRESSION)) {
        const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr!);
        if (!m) continue;
        const from = steps.slice(0, i).find((s) => s.id === m[1]);
        expect(from?.run, `${step.id} reads ${expr}`).toMatch(new RegExp(`echo "${m[2]}=`));
      }
    });
  });
});

describe("the GitLab template", () => {
  const documented = fs.readFileSync(GITLAB_TEMPLATE, "utf8").split("\n").filter((l) => l.startsWith("#"));

  it("offers a run job and a merge job, both keeping the reports and junit.xml", () => {
    for (const name of [".graph-calls-contract", ".graph-calls-contract-merge"]) {
      const job = resolveJob(template, name);
      expect(job.script?.length, name).toBeGreaterThan(0);
      expect(job.artifacts?.when, name).toBe("always");
      expect(job.artifacts?.reports?.junit, name).toBeDefined();
    }
  });

  it("documents every variable its scripts read", () => {
    const scripts = Object.values(template).flatMap((j) => [...(j.before_script ?? []), ...(j.script ?? [])]).join("\n");
    const read = new Set([...scripts.matchAll(/\$\{?(GCC_\w+)/g)].map((m) => m[1]!));
    expect(read.size).toBeGreaterThan(5);
    for (const name of read) expect(documented.some((l) => l.includes(` ${name} `)), name).toBe(true);
  });
});

describe("the examples", () => {
  it("GitHub: every use of the action passes inputs it has, and the soak merges its shards", () => {
    const workflow = readYaml<{ jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> }>(path.join(ROOT, "examples", "github", "conformance.yml"));
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith("graph-calls-contract/graph-calls-contract@"));
    expect(uses.length).toBe(3);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(uses.some((s) => s.with?.shard)).toBe(true);
    expect(uses.some((s) => s.with?.merge)).toBe(true);
  });

  it("GitLab: includes the template and extends only its jobs, with variables it documents", () => {
    const pipeline = readYaml<Record<string, unknown> & { include: Array<{ remote: string }>; variables: Record<string, string> }>(path.join(ROOT, "examples", "gitlab", ".gitlab-ci.yml"));
    expect(pipeline.include[0]!.remote).toMatch(/\/ci\/gitlab\/graph-calls-contract\.gitlab-ci\.yml$/);
    const jobs = Object.entries(pipeline).filter(([, v]) => typeof v === "object" && v !== null && "extends" in v) as Array<[string, GitlabJob & { parallel?: number }]>;
    expect(jobs.map(([, j]) => j.extends).sort()).toEqual([".graph-calls-contract", ".graph-calls-contract", ".graph-calls-contract-merge"]);
    for (const [, job] of jobs) expect(Object.keys(template)).toContain(job.extends);
    const text = fs.readFileSync(GITLAB_TEMPLATE, "utf8");
    for (const name of [...Object.keys(pipeline.variables), ...jobs.flatMap(([, j]) => Object.keys(j.variables ?? {}))]) expect(text).toContain(` ${name} `);
    expect(jobs.some(([, j]) => (j.parallel ?? 1) > 1)).toBe(true);
  });
});

describe("run as CI runs them, with the packed tarball", () => {
  let workspace: string;
  let runnerTemp: string;
  const tarballInWorkspace = "vendor/graph-calls-contract.tgz";

  beforeAll(() => {
    requireBuild();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-ci-"));
    runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-runner-"));
    // The bot's repository commits the tarball (README, "Use it from your bot's repository").
    fs.mkdirSync(path.join(workspace, "vendor"));
    fs.copyFileSync(packedTarball(), path.join(workspace, tarballInWorkspace));
    // And installs it, as README says: the action and the template then use it (package empty; GCC_CLI).
    for (const args of [["init", "-y"], ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", `./${tarballInWorkspace}`]]) {
      const r = spawnSync("npm", [...args, "--loglevel=error"], { cwd: workspace, encoding: "utf8", env: withoutVitest(process.env), timeout: INSTALL_MS });
      expect(r.status, `npm ${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
  }, INSTALL_MS);

  afterAll(() => {
    for (const dir of [workspace, runnerTemp]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const act = (inputs: Record<string, string>): ActionRun => runAction(action, inputs, { workspace, runnerTemp, runId: RUN_ID });

  it("the action: a failing bot fails the step with exit 1, annotates its root cause, writes the job summary and every report output", () => {
    // This job installs the tarball itself (package:), into a folder of its own.
    const installed = path.join(runnerTemp, "graph-calls-contract");
    const r = act({ package: tarballInWorkspace, adapter: path.join(installed, FAULTY), runs: "0", only: ONLY, "report-dir": "failing" });
    expect(r.code, output(r)).toBe(1);
    expect(r.outputs["exit-code"]).toBe("1");
    expect(r.outputs["report-dir"]).toBe("failing/latest");
    for (const name of ["results", "junit", "ctrf", "summary", "html"]) expect(fs.existsSync(path.join(workspace, r.outputs[name]!)), name).toBe(true);
    expect(r.stdout).toMatch(/^::error file=fixtures\/scenarios\/create-call\.v1\.0\.ex0\d\.json,title=root cause 1%3A schema%3A \/mediaConfig\/@odata\.type/m);
    expect(r.summary).toBe(fs.readFileSync(path.join(workspace, r.outputs.summary!), "utf8"));
    expect(r.summary).toMatch(/root cause/i);
    // The seed is the workflow run's id, modulo 2^31 - 1: the same in every job of the run.
    expect(results(path.join(workspace, r.outputs.results!)).seed).toBe(Number(BigInt(RUN_ID) % 2147483647n));
  }, INSTALL_MS);

  it("the action: 3 shards in a matrix and a merge job give the unsharded run's verdicts (the repository's own install)", () => {
    const whole = act({ runs: "1", only: ONLY, "report-dir": "whole" });
    expect(whole.code, output(whole)).toBe(0);
    for (const i of [1, 2, 3]) {
      const shard = act({ runs: "1", only: ONLY, shard: `${i}/3`, "report-dir": `shard-${i}` });
      expect(shard.code, output(shard)).toBe(0);
    }
    const merged = act({ merge: "shard-*", "report-dir": "merged" });
    expect(merged.code, output(merged)).toBe(0);
    expect(merged.outputs["report-dir"]).toBe("merged/latest");
    expect(verdicts(path.join(workspace, merged.outputs.results!))).toEqual(verdicts(path.join(workspace, whole.outputs.results!)));
    expect(merged.summary).toMatch(/\S/);
  }, INSTALL_MS);

  it("the GitLab template: parallel: 3 and the merge job, artifacts where it declares them", () => {
    const variables = { GCC_ONLY: ONLY, GCC_RUNS: "1", CI_PIPELINE_ID: RUN_ID };
    const run = resolveJob(template, ".graph-calls-contract");
    for (const i of [1, 2, 3]) {
      // The first job installs the tarball (GCC_PACKAGE); the others run that install (GCC_CLI), as a cache would give it.
      const install: Record<string, string> = i === 1 ? { GCC_PACKAGE: tarballInWorkspace } : { GCC_CLI: path.join(workspace, ".graph-calls-contract", "node_modules", ".bin", "graph-calls-contract") };
      const r = runJob(run, { ...variables, ...install, CI_NODE_INDEX: String(i), CI_NODE_TOTAL: "3" }, workspace);
      expect(r.code, output(r)).toBe(0);
    }
    const merge = runJob(resolveJob(template, ".graph-calls-contract-merge"), { ...variables, GCC_CLI: path.join(workspace, "node_modules", ".bin", "graph-calls-contract") }, workspace);
    expect(merge.code, output(merge)).toBe(0);
    for (const job of [run, resolveJob(template, ".graph-calls-contract-merge")]) {
      const junit = [job.artifacts!.reports!.junit!].flat();
      const found = junit.flatMap((glob) => (glob.includes("*") ? [1, 2, 3].map((i) => glob.replace("*", String(i))) : [glob])).filter((f) => fs.existsSync(path.join(workspace, f)));
      expect(found.length, junit.join(", ")).toBeGreaterThan(0);
    }
    // The pipeline's id is the seed, as the workflow run's id is the action's: the same run, the same verdicts.
    expect(verdicts(path.join(workspace, "reports", "latest", "results.json"))).toEqual(verdicts(path.join(workspace, "whole", "latest", "results.json")));
  }, INSTALL_MS);
});
