/**
 * The pieces of the snippet runner that need no toolchain: how each language's snippet is wrapped
 * (and compiler lines mapped back), how a captured request is compared with the documented one,
 * and the report's determinism.
 */
import { describe, expect, it } from "vitest";
import type { DocumentedFixture } from "../../src/fixtures/model.js";
import { compareRequest, pathMatches, withDocumentedRepairs } from "../../src/snippets-run/compare.js";
import { wrapGo } from "../../src/snippets-run/languages/go.js";
import { wrapJava } from "../../src/snippets-run/languages/java.js";
import { renderSnippetsMarkdown, reportOf } from "../../src/snippets-run/markdown.js";
import type { CapturedSnippetRequest } from "../../src/snippets-run/model.js";

const GO_SNIPPET = [
  "// Code snippets are only available for the latest major version. Current major version is $v1.*",
  "// Dependencies",
  "import (",
  '"context"',
  'msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"',
  'graphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"',
  "//other-imports",
  ")",
  "requestBody := graphmodels.NewCall()",
  "calls, err := graphClient.Communications().Calls().Post(context.Background(), requestBody, nil)",
].join("\n");

describe("Go wrapper", () => {
  const wrapped = wrapGo(GO_SNIPPET, "s1");

  it("moves the import block to the file's imports and the statements into Run(graphClient)", () => {
    expect(wrapped.source).toContain('import (\n\t"context"\n\tmsgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"\n\tgraphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"\n)');
    expect(wrapped.source).toContain("func Run(graphClient *msgraphsdk.GraphServiceClient) error {\nrequestBody := graphmodels.NewCall()\ncalls, err :=");
    expect(wrapped.statementLines).toEqual([8, 9]);
  });

  it("marks what the final SDK call assigns as used and returns its error", () => {
    expect(wrapped.source).toMatch(/calls, err := graphClient[^\n]*\n_ = calls\nreturn err\n}\n$/);
  });

  it("adds msgraphsdk when the snippet does not import it, and returns nil after a bare call", () => {
    const w = wrapGo('import (\n"context"\n)\ngraphClient.Communications().Calls().ByCallId("call-id").Transfer().Post(context.Background(), requestBody, nil)', "s2");
    expect(w.source).toContain('\tmsgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"');
    expect(w.source).toMatch(/\nreturn nil\n}\n$/);
  });
});

describe("Java wrapper", () => {
  it("puts the snippet, unchanged, in a static run(RequestAdapter) with graphClient and requestAdapter as fields", () => {
    const code = "Call call = new Call();\nCall result = graphClient.communications().calls().post(call);";
    const { source, firstLine } = wrapJava(code, "S3");
    expect(source).toContain("public final class S3 {");
    expect(source).toContain("static GraphServiceClient graphClient;");
    expect(source.split("\n")[firstLine - 1]).toBe("Call call = new Call();");
  });
});

const fixture: DocumentedFixture = {
  id: "create-call.xx.v1.0/ex01.request",
  description: "test",
  provenance: { http: { method: "POST", url: "https://graph.microsoft.com/v1.0/communications/calls", path: "/communications/calls", headers: {} }, apiVersion: "v1.0" } as unknown as DocumentedFixture["provenance"],
  schemas: ["create-call-request"],
  errata: [{ code: "PLACEHOLDER_VALUE", subject: "blob", pointer: "/mediaConfig/blob", description: '"<Media Session Configuration>" is a placeholder, not a value of blob', repair: 'replaced with the neutral "media-session-configuration"' }],
  payload: { callbackUri: "https://bot.contoso.com/callback", source: { region: null }, mediaConfig: { blob: "media-session-configuration" } },
};
const sent = (body: unknown, path = "/communications/calls", version = "v1.0"): CapturedSnippetRequest => ({ method: "POST", path, version, status: 201, body, contentType: "application/json" });

describe("comparing a captured request with the documented one", () => {
  it("applies the documented placeholder repair to the sent body: the published placeholder matches", () => {
    expect(compareRequest(fixture, sent({ callbackUri: "https://bot.contoso.com/callback", source: { region: null }, mediaConfig: { blob: "<Media Session Configuration>" } }))).toEqual([]);
  });

  it("names each body difference by JSON pointer: a dropped null, a snake_cased key, a changed value", () => {
    const d = compareRequest(fixture, sent({ callbackUri: "https://x", source: {}, mediaConfig: { blob: "media-session-configuration", remove_from: true } }));
    expect(d).toEqual([
      { part: "body", pointer: "/callbackUri", kind: "changed", documented: "https://bot.contoso.com/callback", sent: "https://x" },
      { part: "body", pointer: "/source/region", kind: "missing", documented: null },
      { part: "body", pointer: "/mediaConfig/remove_from", kind: "extra", sent: true },
    ]);
  });

  it("reports the request line: another version or path", () => {
    const d = compareRequest(fixture, sent(fixture.payload, "/communications/calls/x", "beta"));
    expect(d.map((x) => x.part)).toEqual(["version", "path"]);
  });

  it("a repair is applied only where the snippet sent the published placeholder", () => {
    expect(withDocumentedRepairs(fixture, { mediaConfig: { blob: "other" } })).toEqual({ mediaConfig: { blob: "other" } });
  });

  it("a documented call id stands for any one segment after /calls/", () => {
    expect(pathMatches("/communications/calls/{call-id}/transfer", "/communications/calls/call-id/transfer")).toBe(true);
    expect(pathMatches("/communications/calls/{call-id}/transfer", "/communications/calls/%7Bcall-id%7D/transfer")).toBe(true);
    expect(pathMatches("/communications/calls/{call-id}/transfer", "/communications/calls/transfer")).toBe(false);
    expect(pathMatches("/communications/calls/{call-id}/transfer", "/communications/calls/x/redirect")).toBe(false);
  });
});

describe("the report", () => {
  it("is the same text for the same results (no times, ports or paths)", () => {
    const snippet = { key: "create-call.xx.v1.0/ex01.go", fixtureId: fixture.id, document: "doc.txt", lines: { start: 1, end: 9 }, example: 1, language: "go" as const, operation: "create-call" as const, code: "x" };
    const sdks = { python: { package: "p", version: "1" }, go: { package: "g", version: "2" }, java: { package: "j", version: "3" }, javascript: { package: "s", version: "4" } };
    const report = reportOf([{ fixture, operation: "create-call", snippets: [snippet] }], [{ snippet, status: "compile-error", sdk: sdks.go, message: "line 3: undefined: x", differences: [] }], sdks, {});
    const md = renderSnippetsMarkdown(report);
    expect(renderSnippetsMarkdown(structuredClone(report))).toBe(md);
    expect(md).toContain("| go | `g 2` | 1 | 0 | 0 | 1 | 0 | 0 of 0 sent |");
    expect(md).toContain("- SNIPPET_DOES_NOT_COMPILE: go, g 2; the snippet is at doc.txt lines 1-9");
    expect(md).toContain("- compiler: `line 3: undefined: x`");
  });
});
