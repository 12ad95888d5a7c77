/**
 * Scanning unfenced pages: a synthetic page of another operation (answer, beta SDKs) with German
 * and French prose, HTTP lines, JSON blocks, a cut-short snippet and UI words between snippets;
 * plus the helpers' name and path mapping, and a never-throws property over mangled snippets.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathSegments } from "../../src/extract/snippets/chain.js";
import { detectSnippetLanguage, rebuildRequest, scanSnippet, type SnippetLanguage } from "../../src/extract/snippets/index.js";
import { goEnumValue, propertyKey } from "../../src/extract/snippets/names.js";
import { cmdletOperation } from "../../src/extract/snippets/powershell.js";
import { snippetsOf } from "./seed-snippets.js";

const SAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), "samples", "snippets");
const sampleLines = (file: string) => fs.readFileSync(path.join(SAMPLES, file), "utf8").replace(/\n$/, "").split("\n");
const ANSWER = { method: "POST", path: "/communications/calls/{call-id}/answer" };
const NO_CALL = { line: 0, message: "no SDK request call found; the body is the snippet's request variable" };

describe("an answer page with beta snippets, prose in three languages and no fences", () => {
  const lines = sampleLines("page-answer-beta-mixed.txt");
  const found = snippetsOf(lines);

  it("finds each snippet and stops before prose, HTTP lines, UI words and JSON blocks", () => {
    expect(found.map(({ language, start, end }) => ({ language, start, end }))).toEqual([
      { language: "csharp", start: 6, end: 12 },
      { language: "go", start: 14, end: 23 },
      { language: "java", start: 24, end: 28 },
      { language: "python", start: 30, end: 35 },
      { language: "powershell", start: 36, end: 40 },
      // Cut short (no SDK call): ends at its last code line, before "HTTP/1.1 202 Accepted".
      { language: "csharp", start: 42, end: 46 },
      { language: "php", start: 51, end: 54 },
      { language: "cli", start: 55, end: 58 },
      { language: "javascript", start: 60, end: 69 },
      // Cut short again, and followed by a JSON block that is not part of it.
      { language: "csharp", start: 70, end: 74 },
    ]);
  });

  it("does not start a snippet on prose, HTTP or JSON lines", () => {
    for (const i of [0, 1, 3, 13, 29, 41, 47, 48, 59, 75]) expect(scanSnippet(lines, i), `line ${i}`).toBeUndefined();
  });

  it("every snippet rebuilds the same answer body", () => {
    for (const s of found) expect(s.rebuilt.body, s.language).toEqual({ callbackUri: "https://bot.example.com/calls" });
  });

  it("operation and API version come from the code; cut-short snippets and import-less PHP say so", () => {
    expect(found.map((s) => [s.language, s.rebuilt.operation, s.rebuilt.apiVersion, s.rebuilt.issues.map((i) => i.message)])).toEqual([
      ["csharp", ANSWER, "beta", []],
      ["go", ANSWER, "beta", []],
      ["java", ANSWER, "beta", []],
      ["python", ANSWER, "beta", []],
      ["powershell", ANSWER, "beta", []],
      ["csharp", undefined, undefined, [NO_CALL.message]],
      ["php", ANSWER, undefined, []],
      ["cli", ANSWER, "beta", ["the single-quoted --body keeps its trailing `\\` line continuations literally (not valid JSON as sent); read without them"]],
      ["javascript", ANSWER, "beta", []],
      ["csharp", undefined, undefined, [NO_CALL.message]],
    ]);
  });
});

describe("detectSnippetLanguage", () => {
  it.each<[string, SnippetLanguage | undefined]>([
    ["var requestBody = new Call\n{\nSubject = \"x\",\n};\nawait graphClient.Communications.Calls.PostAsync(requestBody);", "csharp"],
    ["requestBody := graphmodels.NewCall()\nsubject := \"x\"\nrequestBody.SetSubject(&subject)", "go"],
    ["Call call = new Call();\ncall.setSubject(\"x\");\nCall result = graphClient.communications().calls().post(call);", "java"],
    ["$requestBody = new Call();\n$requestBody->setSubject('x');", "php"],
    ["request_body = Call(\nsubject = \"x\",\n)\nresult = await graph_client.communications.calls.post(request_body)", "python"],
    ["const call = {\nsubject: 'x'\n};\nawait client.api('/communications/calls').post(call);", "javascript"],
    ["$params = @{\nsubject = \"x\"\n}\nNew-MgCommunicationCall -BodyParameter $params", "powershell"],
    ["mgc communications calls create --body '{\"subject\": \"x\"}'", "cli"],
    ["This is a sentence about calls, not code.", undefined],
    ['{\n"subject": "x"\n}', undefined],
  ])("%#: %s", (code, language) => {
    expect(detectSnippetLanguage(code)).toBe(language);
  });
});

describe("name and path mapping", () => {
  it.each([
    ["CallbackUri", "callbackUri"],
    ["callback_uri", "callbackUri"],
    ["OdataType", "@odata.type"],
    ["odata_type", "@odata.type"],
    ["IsContentSharingNotificationEnabled", "isContentSharingNotificationEnabled"],
    ["from_", "from"],
  ])("property %s → %s", (sdk, json) => expect(propertyKey(sdk)).toBe(json));

  it("Go enum constants lose their casing; known members get it back", () => {
    expect(goEnumValue("AUDIO_MODALITY")).toEqual({ value: "audio", known: true });
    expect(goEnumValue("VIDEOBASEDSCREENSHARING_MODALITY")).toEqual({ value: "videoBasedScreenSharing", known: true });
    expect(goEnumValue("SOMENEWVALUE_MODALITY")).toEqual({ value: "somenewvalue", known: false });
  });

  it("URL paths normalise ids and placeholders to {<item>-id}", () => {
    expect(pathSegments("https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/participants/{id}/mute")).toEqual([
      "communications",
      "calls",
      "{call-id}",
      "participants",
      "{participant-id}",
      "mute",
    ]);
  });

  it.each([
    ["New-MgCommunicationCall", "POST", "/communications/calls"],
    ["New-MgBetaCommunicationCall", "POST", "/communications/calls"],
    ["Move-MgCommunicationCall", "POST", "/communications/calls/{call-id}/transfer"],
    ["Invoke-MgRedirectCommunicationCall", "POST", "/communications/calls/{call-id}/redirect"],
    ["Get-MgCommunicationCall", "GET", "/communications/calls/{call-id}"],
    ["Remove-MgCommunicationCallParticipant", "DELETE", "/communications/calls/{call-id}/participants/{participant-id}"],
  ])("cmdlet %s → %s %s", (cmdlet, method, p) => expect(cmdletOperation(cmdlet)).toEqual({ method, path: p }));
});

describe("robustness", () => {
  const LANGUAGES: SnippetLanguage[] = ["csharp", "go", "java", "javascript", "php", "powershell", "python", "cli"];
  const samples = fs.readdirSync(SAMPLES).map((f) => sampleLines(f));

  it("rebuildRequest never throws and always answers in shape, even on mangled snippets", () => {
    const mangled = fc.tuple(fc.constantFrom(...samples), fc.array(fc.nat(), { maxLength: 8 }), fc.string({ maxLength: 12 })).map(([lines, drops, noise]) => {
      const kept = lines.filter((_, i) => !drops.some((d) => d % lines.length === i));
      kept.splice((drops[0] ?? 0) % (kept.length + 1), 0, noise);
      return kept.join("\n");
    });
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.oneof(mangled, fc.string({ maxLength: 200 })), (language, code) => {
        const r = rebuildRequest(language, code);
        expect(r.language).toBe(language);
        expect(Array.isArray(r.additionalData) && Array.isArray(r.issues)).toBe(true);
        for (const issue of r.issues) expect(issue.line).toBeGreaterThanOrEqual(0);
        expect(r.issues.some((i) => i.message.startsWith("internal error"))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("scanSnippet stays within the page and never returns an empty range", () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), { maxLength: 6 }), (lines, drops) => {
        const page = lines.filter((_, i) => !drops.some((d) => d % lines.length === i));
        for (let i = 0; i < page.length; i++) {
          const scan = scanSnippet(page, i);
          if (!scan) continue;
          expect(scan.start).toBe(i);
          expect(scan.end).toBeGreaterThanOrEqual(scan.start);
          expect(scan.end).toBeLessThan(page.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});
