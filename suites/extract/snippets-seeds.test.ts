/**
 * The seed pages' snippets, read at run time (their text is not copied into the repo): how many
 * there are per language, and what they rebuild to, cross-checked between languages and against
 * the JSON the Create call page publishes.
 */
import { describe, expect, it } from "vitest";
import { getAtPointer } from "../../src/util/json.js";
import {
  countByLanguage,
  createCallExamples,
  SEED_FILES,
  seedLines,
  seedsAvailable,
  SEEDS_SKIP_REASON,
  snippetsOf,
  transferExamples,
  unsnakeAdditionalData,
  withoutOdataType,
} from "./seed-snippets.js";

const TRANSFER_OPERATION = { method: "POST", path: "/communications/calls/{call-id}/transfer" };
const CREATE_OPERATION = { method: "POST", path: "/communications/calls" };

describe.skipIf(!seedsAvailable)(`seed snippets${seedsAvailable ? "" : ` (skipped: ${SEEDS_SKIP_REASON})`}`, () => {
  describe.each([
    ["French", SEED_FILES.transferFr],
    ["English", SEED_FILES.transferEn],
  ])("v1.0 call: transfer page (%s)", (_, file) => {
    const lines = seedLines(file);
    const examples = transferExamples(lines);

    it("holds 14 snippets: 4 C#, 2 Go, 4 Java, 1 PHP, 3 Python (no JSON to fall back on)", () => {
      expect(countByLanguage(snippetsOf(lines))).toEqual({ csharp: 4, go: 2, java: 4, php: 1, python: 3 });
      expect(examples.map((e) => Object.keys(e))).toEqual([
        ["csharp", "go", "java", "php", "python"],
        ["csharp", "go", "java", "python"],
        ["csharp", "java"],
        ["csharp", "java", "python"],
      ]);
    });

    it("every snippet is a clean v1.0 transfer request", () => {
      for (const example of examples) {
        for (const snippet of Object.values(example)) {
          expect(snippet.rebuilt.operation, snippet.language).toEqual(TRANSFER_OPERATION);
          expect(snippet.rebuilt.apiVersion, snippet.language).toBe("v1.0");
          expect(snippet.rebuilt.issues, snippet.language).toEqual([]);
        }
      }
    });

    it("example 1 rebuilds to the peer-to-peer transfer body", () => {
      expect(examples[0]!.csharp!.rebuilt.body).toEqual({
        transferTarget: {
          identity: { user: { id: "550fae72-d251-43ec-868c-373732c2704f", displayName: "Heidi Steen" } },
          endpointType: "default",
        },
      });
      expect(examples[0]!.csharp!.rebuilt.additionalData).toEqual(["/transferTarget/endpointType"]);
    });

    it("C# and Java rebuild the same body and additional data in every example", () => {
      for (const example of examples) {
        expect(example.java!.rebuilt.body).toEqual(example.csharp!.rebuilt.body);
        expect(example.java!.rebuilt.additionalData).toEqual(example.csharp!.rebuilt.additionalData);
      }
    });

    it("Python snake_cases its additional-data keys, and is otherwise the same as C#", () => {
      const snakeKeys = examples.map((e) => e.python?.rebuilt.additionalData);
      expect(snakeKeys).toEqual([
        ["/transferTarget/endpoint_type"],
        ["/transferTarget/endpoint_type"],
        undefined,
        ["/transferTarget/endpoint_type", "/transferee/identity/user/tenant_id"],
      ]);
      for (const example of examples) {
        if (!example.python) continue;
        expect(example.python.rebuilt.body).not.toEqual(example.csharp!.rebuilt.body);
        expect(unsnakeAdditionalData(example.python.rebuilt.body, example.python.rebuilt.additionalData)).toEqual(example.csharp!.rebuilt.body);
      }
    });

    it("PHP matches C#; Go matches C# except that Go never sets @odata.type (example 2)", () => {
      expect(examples[0]!.php!.rebuilt.body).toEqual(examples[0]!.csharp!.rebuilt.body);
      expect(examples[0]!.go!.rebuilt.body).toEqual(examples[0]!.csharp!.rebuilt.body);
      expect(examples[1]!.go!.rebuilt.body).not.toEqual(examples[1]!.csharp!.rebuilt.body);
      expect(examples[1]!.go!.rebuilt.body).toEqual(withoutOdataType(examples[1]!.csharp!.rebuilt.body));
    });
  });

  it("the French and English transfer pages rebuild identically", () => {
    const rebuilt = (file: string) => snippetsOf(seedLines(file)).map((s) => s.rebuilt);
    expect(rebuilt(SEED_FILES.transferFr)).toEqual(rebuilt(SEED_FILES.transferEn));
  });

  describe("v1.0 Create call page", () => {
    const lines = seedLines(SEED_FILES.createCall);
    const examples = createCallExamples(lines);

    it("holds 10 examples, each with one snippet per language (80 snippets)", () => {
      expect(countByLanguage(snippetsOf(lines))).toEqual({ csharp: 10, cli: 10, go: 10, java: 10, javascript: 10, php: 10, powershell: 10, python: 10 });
      expect(examples).toHaveLength(10);
      for (const example of examples) expect(Object.keys(example.snippets).sort()).toEqual(["cli", "csharp", "go", "java", "javascript", "php", "powershell", "python"]);
    });

    it("publishes invalid JSON in examples 5, 9 and 10 (trailing commas)", () => {
      expect(examples.map((e) => e.jsonIssues.length > 0)).toEqual([false, false, false, false, true, false, false, false, true, true]);
      for (const example of examples) for (const message of example.jsonIssues) expect(message).toBe("trailing comma (not valid JSON)");
    });

    it.each(["csharp", "java", "php", "javascript", "powershell", "cli"] as const)("%s rebuilds exactly the published JSON of every example", (language) => {
      for (const [k, example] of examples.entries()) {
        const rebuilt = example.snippets[language]!.rebuilt;
        expect(rebuilt.body, `example ${k + 1}`).toEqual(example.json);
        expect(rebuilt.operation, `example ${k + 1}`).toEqual(CREATE_OPERATION);
      }
    });

    it("the SDK languages put these properties in additional data, and they are in the JSON", () => {
      const expected = [
        ["/callOptions/isDeltaRosterEnabled"],
        [],
        ["/mediaConfig/removeFromDefaultAudioGroup"],
        ["/mediaConfig/removeFromDefaultAudioGroup"],
        ["/meetingInfo/organizer/user/tenantId", "/meetingInfo/allowConversationWithoutHost"],
        ["/meetingInfo/organizer/user/tenantId", "/meetingInfo/allowConversationWithoutHost"],
        [],
        [],
        ["/source/identity/applicationInstance", "/targets/0/identity/phone"],
        ["/source/identity/applicationInstance", "/targets/0/identity/phone"],
      ];
      for (const [k, example] of examples.entries()) {
        for (const language of ["csharp", "java", "php", "go"] as const) {
          expect(example.snippets[language]!.rebuilt.additionalData, `example ${k + 1} ${language}`).toEqual(expected[k]);
        }
        for (const pointer of expected[k]!) expect(getAtPointer(example.json, pointer), pointer).toBeDefined();
        // Near-JSON languages have no typed model, so nothing goes through additional data.
        for (const language of ["javascript", "powershell", "cli"] as const) expect(example.snippets[language]!.rebuilt.additionalData).toEqual([]);
      }
    });

    it("API versions: v1.0 wherever the code names its SDK; the Java snippets import nothing, so undecided", () => {
      for (const example of examples) {
        for (const [language, snippet] of Object.entries(example.snippets)) {
          expect(snippet.rebuilt.apiVersion, language).toBe(language === "java" ? undefined : "v1.0");
        }
      }
    });

    it("C#, Java, PHP, JavaScript and PowerShell snippets read without issues; CLI bodies keep their `\\` continuations", () => {
      for (const example of examples) {
        for (const language of ["csharp", "java", "php", "javascript", "powershell", "python"] as const) expect(example.snippets[language]!.rebuilt.issues, language).toEqual([]);
        const cli = example.snippets.cli!.rebuilt.issues.map((i) => i.message);
        expect(cli[0]).toMatch(/keeps its trailing `\\` line continuations/);
        // The CLI copies the published JSON, trailing commas included.
        expect(cli.slice(1)).toEqual(example.jsonIssues);
      }
    });

    it("Python equals the JSON once its snake_cased additional-data keys are undone", () => {
      const snakeKeys = examples.map((e) => e.snippets.python!.rebuilt.additionalData);
      expect(snakeKeys[0]).toEqual(["/callOptions/is_delta_roster_enabled"]);
      expect(snakeKeys[4]).toEqual(["/meetingInfo/organizer/user/tenant_id", "/meetingInfo/allow_conversation_without_host"]);
      expect(snakeKeys[8]).toEqual(["/source/identity/application_instance", "/targets/0/identity/phone"]);
      // Even the keys inside an additional-data value are snake_cased, "@odata.type" included.
      expect(getAtPointer(examples[8]!.snippets.python!.rebuilt.body, "/source/identity/application_instance")).toEqual({
        "@odata_type": "#microsoft.graph.identity",
        display_name: "Calling Bot",
        id: "3d913abb-aec0-4964-8fa6-3c6850c4f278",
      });
      for (const [k, example] of examples.entries()) {
        const python = example.snippets.python!.rebuilt;
        expect(unsnakeAdditionalData(python.body, python.additionalData), `example ${k + 1}`).toEqual(example.json);
      }
    });

    it("every Go snippet is invalid Go (statements inside a composite literal) and is reported", () => {
      for (const [k, example] of examples.entries()) {
        const messages = example.snippets.go!.rebuilt.issues.map((i) => i.message);
        expect(messages, `example ${k + 1}`).toContain("statement `modality := …` inside a []graphmodels.Modalityable literal is not valid Go");
        expect(messages.some((m) => m.startsWith("`requestBody.SetModality(…)` inside a []graphmodels.Modalityable literal is not valid Go; guessed that \"audio\""))).toBe(true);
      }
      expect(examples[0]!.snippets.go!.rebuilt.issues).toEqual([
        { line: 25, message: "statement `modality := …` inside a []graphmodels.Modalityable literal is not valid Go" },
        { line: 26, message: "`requestBody.SetModality(…)` inside a []graphmodels.Modalityable literal is not valid Go; guessed that \"audio\" was meant as an element of the list (not set on requestBody)" },
        { line: 33, message: "statement `isDeltaRosterEnabled := …` inside a map literal is not valid Go" },
        { line: 34, message: "`callOptions.SetIsDeltaRosterEnabled(…)` inside a map literal is not valid Go; guessed the entry \"isDeltaRosterEnabled\": true (not set on callOptions)" },
      ]);
    });

    it("read as intended, the Go snippets give the JSON without its @odata.type properties", () => {
      for (const [k, example] of examples.entries()) {
        expect(example.snippets.go!.rebuilt.body, `example ${k + 1}`).toEqual(withoutOdataType(example.json));
      }
    });

    it("the Go snippets of examples 2, 9 and 10 also use `null`, redeclare names with := and show `&reg` as ®", () => {
      for (const k of [1, 8, 9]) {
        const messages = examples[k]!.snippets.go!.rebuilt.issues.map((i) => i.message);
        expect(messages).toContain("`null` is not Go (nil); read as null");
        expect(messages).toContain("`®` is `&reg` decoded as an HTML entity by the page; read as `&reg`");
        expect(messages.some((m) => /^`identity :=` redeclares/.test(m))).toBe(true);
      }
    });
  });
});
