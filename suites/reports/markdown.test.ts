/** summary.md from the hand-made run: verdict, tables, failures with timelines, inert text, the size limit. */
import { describe, expect, it } from "vitest";
import { mdCode, mdFence, mdTable, mdText } from "../../src/reports/markdown-syntax.js";
import { renderSummaryMarkdown } from "../../src/reports/markdown.js";
import { FAILING, SAMPLE_LATENCY, SAMPLE_LATENCY_LINE, sampleRun } from "./sample-run.js";

const run = sampleRun();

describe("Markdown syntax", () => {
  it("keeps untrusted text inert in Markdown: no HTML, no emphasis, no mentions", () => {
    expect(mdText("</details> *x* [y](z) @odata.type & a_b")).toBe("&lt;/details&gt; \\*x\\* \\[y\\](z) `@odata.type` &amp; a\\_b");
    expect(mdCode("a `b` c")).toBe("``a `b` c``");
    expect(mdCode("`x")).toBe("`` `x ``");
    expect(mdFence(["```", "x"])).toBe("````text\n```\nx\n````");
    expect(mdTable(["a"], ["left"], [["x | y"]])).toBe("| a |\n|---|\n| x \\| y |");
  });
});

describe("summary.md", () => {
  const md = renderSummaryMarkdown(run);

  it("starts with the verdict, the adapter, the counts, the duration and the seed", () => {
    expect(md.split("\n")[0]).toBe("## ❌ Conformance of `sample-bot`: 6 failed, 5 passed, 1 blocked");
    expect(md).toContain("12 checks · 2.3 s · seed 42 · 25 property-based runs per sequence");
  });

  it("gives the notification POSTs' latency under the verdict, and none when nothing was POSTed", () => {
    expect(md.split("\n").slice(0, 6)).toContain(SAMPLE_LATENCY_LINE);
    expect(md).toMatch(/^latency: /m);
    expect(renderSummaryMarkdown({ ...run, latency: { ...SAMPLE_LATENCY, posts: 0 } })).not.toMatch(/^latency: /m);
  });

  it("has a table per group with failing subjects first", () => {
    expect(md).toContain("| ❌ Requests | 5 | 2 | 2 | 1 |");
    const requests = md.slice(md.indexOf("### ❌ Requests"));
    expect(requests.indexOf("create-call.v1.0.ex01")).toBeLessThan(requests.indexOf("call-transfer.v1.0.ex01"));
    expect(md).toContain("| ❌ | `create-call.v1.0.ex01` | 1 | 2 | `http.authorization` `schema` |");
    const sequences = md.slice(md.indexOf("### ❌ Sequences"));
    expect(sequences.indexOf("`delta-roster`")).toBeLessThan(sequences.indexOf("`call-terminated`"));
  });

  it("lists each failing check with its message, a short timeline and the replay command", () => {
    for (const id of Object.values(FAILING)) expect(md).toContain(`**\`${id}\`**`);
    expect(md).toContain("**`create-call.v1.0.ex01/http.authorization`**: no Authorization header");
    expect(md).toContain('POST 2: delta-1 -> 202; MISMATCH participants: expected ["p-1"], observed []');
    expect(md).toContain("replay: npx graph-calls-contract conformance --only delivery.delta-roster --seed 1234");
  });

  it("folds the passing checks into a <details>", () => {
    const details = md.slice(md.indexOf("<details><summary>5 passing"));
    expect(details).toContain("<summary>5 passing checks</summary>");
    expect(details).toContain("- `call-terminated` (sequences): `end`");
  });

  it("keeps hostile text inert: no raw HTML, no mention, no control character", () => {
    const line = md.split("\n").find((l) => l.includes(FAILING.nasty))!;
    expect(line).toContain("&lt;x&gt;");
    expect(line).toContain("&lt;/details&gt;");
    expect(line).toContain("`@odata.type`");
    expect(line).toContain("\\\\x00\\\\x07\\\\x1B"); // "\\x00" in Markdown shows as \x00
    expect(line).not.toContain("</details>");
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length); // only the report's own
  });

  it("stays under the size it is given, saying what it left out", () => {
    const many = sampleRun();
    for (let i = 0; i < 400; i++) many.checks.push({ ...many.checks[1]!, id: `scenario-${i}/http.authorization`, subject: `scenario-${i}`, message: `no Authorization header (${i})` });
    const cut = renderSummaryMarkdown(many, 20_000);
    expect(cut.length).toBeLessThanOrEqual(20_000);
    expect(cut).toMatch(/> \[!NOTE\]\n> Cut to stay under GitHub's comment limit \(65 536 characters\): \d+ root causes \(of 406\), \d+ failing subjects \(of 404\), \d+ rows of the requests table, the 5 passing checks not shown/);
    expect(cut.startsWith("## ❌ Conformance of `sample-bot`: 406 failed, 5 passed, 1 blocked")).toBe(true);
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
    expect(cut).toMatch(/\| … \| \d+ more subjects \|/); // the table is cut by rows, failing subjects first
    expect(cut).toContain("### ❌ Sequences"); // and the next group's table still fits
    expect(renderSummaryMarkdown(many).length).toBeLessThanOrEqual(65_536);
  });

  it("says so when nothing ran", () => {
    expect(renderSummaryMarkdown({ ...run, checks: [] }).split("\n")[0]).toBe("## ➖ Conformance of `sample-bot`: no checks ran");
  });
});
