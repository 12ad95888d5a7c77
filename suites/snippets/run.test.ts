/**
 * The snippet runner end to end, per language: the documented snippets run as the docs publish them
 * (read from the seed pages at run time), and snippets written here prove each host's verdicts can
 * go every way (a syntax error is a compile error at its line; a valid snippet runs and its request
 * is captured; a body that differs is named by pointer). A language whose toolchain is not
 * installed is skipped with the note saying how to install it (scripts/setup-toolchains.sh).
 */
import { describe, expect, it } from "vitest";
import { collectExamples, type DocumentedExample } from "../../src/snippets-run/collect.js";
import { RUNNERS, runSnippets } from "../../src/snippets-run/index.js";
import type { RunLanguage, SnippetResult } from "../../src/snippets-run/model.js";
import { SEEDS_DIR } from "../../src/util/paths.js";
import { seedsAvailable, SEEDS_SKIP_REASON } from "../extract/seed-snippets.js";

const examples: DocumentedExample[] = seedsAvailable ? collectExamples(SEEDS_DIR) : [];
const example = (id: string) => examples.find((e) => e.fixture.id === id)!;

/** One documented example with its snippet in `language` replaced by `code` (the fixture stays the documented one). */
function own(id: string, language: RunLanguage, code: string): DocumentedExample {
  const e = example(id);
  const base = e.snippets.find((s) => s.language === language) ?? { ...e.snippets[0]!, language, key: `${id.replace(/\.request$/, "")}.${language}` };
  return { ...e, snippets: [{ ...base, key: `${base.key}.own`, code }] };
}

async function run(language: RunLanguage, list: DocumentedExample[]): Promise<Map<string, SnippetResult>> {
  const r = await runSnippets({ examples: list, languages: [language] });
  return new Map(r.results.map((x) => [x.snippet.key, x]));
}

function skipNote(language: RunLanguage): string {
  const why = RUNNERS[language].unavailable();
  return !seedsAvailable ? ` (skipped: ${SEEDS_SKIP_REASON})` : why ? ` (skipped: ${why})` : "";
}
const ready = (language: RunLanguage) => seedsAvailable && !RUNNERS[language].unavailable();

describe.skipIf(!seedsAvailable)(`collecting the snippets${skipNote("javascript")}`, () => {
  it("finds every documented Create call and transfer request, and the Python, Go, Java and JavaScript snippets of each", () => {
    const count = (l: RunLanguage) => examples.flatMap((e) => e.snippets).filter((s) => s.language === l).length;
    expect(examples.filter((e) => e.operation === "create-call")).toHaveLength(10);
    expect(examples.filter((e) => e.operation === "transfer")).toHaveLength(12);
    expect({ python: count("python"), go: count("go"), java: count("java"), javascript: count("javascript") }).toEqual({ python: 16, go: 14, java: 18, javascript: 10 });
  });
});

describe.skipIf(!ready("javascript"))(`JavaScript snippets (@microsoft/microsoft-graph-client)${skipNote("javascript")}`, () => {
  it("every documented snippet sends the documented request", async () => {
    const results = await run("javascript", examples);
    expect([...results.values()].map((r) => r.status)).toEqual(Array(10).fill("matches"));
  });

  it("a snippet that does not parse is a compile error; one that sends another body differs, by pointer", async () => {
    const broken = own("create-call.fr.v1.0/ex02.request", "javascript", "const client = Client.init({ authProvider });\nawait client.api('/communications/calls').post({ callbackUri: 'https://bot.contoso.com/callback' ");
    const other = own("create-call.fr.v1.0/ex03.request", "javascript", "const client = Client.init({ authProvider });\nawait client.api('/communications/calls').post({ callbackUri: 'https://elsewhere.example/cb' });");
    const results = [...(await run("javascript", [broken, other])).values()];
    expect(results[0]).toMatchObject({ status: "compile-error", message: expect.stringMatching(/^SyntaxError/) });
    expect(results[1]!.status).toBe("differs");
    expect(results[1]!.differences).toContainEqual({ part: "body", pointer: "/callbackUri", kind: "changed", documented: "https://bot.contoso.com/callback", sent: "https://elsewhere.example/cb" });
    expect(results[1]!.differences).toContainEqual(expect.objectContaining({ pointer: "/targets", kind: "missing" }));
  });
});

describe.skipIf(!ready("python"))(`Python snippets (msgraph-sdk)${skipNote("python")}`, () => {
  it("the SDK sends additional_data keys as written: the transfer snippet's endpoint_type reaches Graph snake_cased, and the mock refuses it", async () => {
    const results = await run("python", [example("call-transfer.en.v1.0/ex01.request")]);
    const r = results.get("call-transfer.en.v1.0/ex01.python")!;
    expect(r.status).toBe("differs");
    expect(r.differences.map((d) => `${d.kind} ${d.pointer}`)).toEqual(["missing /transferTarget/endpointType", "extra /transferTarget/endpoint_type"]);
    expect(r.request?.status).toBe(400);
    expect(r.validation?.errors.map((e) => e.pointer)).toEqual(["/transferTarget/endpoint_type"]);
  });

  it("a snippet with a syntax error is a compile error at its own line", async () => {
    const results = await run("python", [own("create-call.fr.v1.0/ex02.request", "python", "from msgraph.generated.models.call import Call\nrequest_body = Call(\nresult = await graph_client.communications.calls.post(request_body)")]);
    expect([...results.values()][0]).toMatchObject({ status: "compile-error", message: expect.stringMatching(/^line \d: SyntaxError/) });
  });
});

describe.skipIf(!ready("go"))(`Go snippets (msgraph-sdk-go)${skipNote("go")}`, () => {
  it("the published snippets do not compile: the page's `®` (an HTML entity decoded in `&region`) is named at its line", async () => {
    const results = await run("go", [example("create-call.fr.v1.0/ex02.request")]);
    const r = results.get("create-call.fr.v1.0/ex02.go")!;
    expect(r.status).toBe("compile-error");
    expect(r.message).toContain("line 22: invalid character U+00AE '®' in identifier");
  });

  it("a snippet that compiles is linked into the host, runs, and its request is captured", async () => {
    const code = ["import (", '"context"', 'graphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"', ")", "requestBody := graphmodels.NewCall()", 'callbackUri := "https://bot.contoso.com/callback"', "requestBody.SetCallbackUri(&callbackUri)", "calls, err := graphClient.Communications().Calls().Post(context.Background(), requestBody, nil)"].join("\n");
    const results = await run("go", [own("create-call.fr.v1.0/ex02.request", "go", code)]);
    const r = [...results.values()][0]!;
    expect(r.status).toBe("differs");
    expect(r.request).toMatchObject({ method: "POST", path: "/communications/calls", version: "v1.0" });
    expect(r.request?.body).toEqual({ callbackUri: "https://bot.contoso.com/callback" });
  }, 600_000);
});

describe.skipIf(!ready("java"))(`Java snippets (com.microsoft.graph:microsoft-graph)${skipNote("java")}`, () => {
  it("the documented transfer with additional data sends the documented request; a snippet that does not compile is named with javac's message", async () => {
    const broken = own("create-call.fr.v1.0/ex02.request", "java", "Call call = new Call();\ncall.setCallbackUri(42);\nCall result = graphClient.communications().calls().post(call);");
    const results = await run("java", [example("call-transfer.en.v1.0/ex03.request"), broken]);
    expect(results.get("call-transfer.en.v1.0/ex03.java")).toMatchObject({ status: "matches", request: { status: 202 } });
    expect([...results.values()][1]).toMatchObject({ status: "compile-error", message: expect.stringMatching(/^line 2: incompatible types: int cannot be converted to String/) });
  }, 120_000);
});
