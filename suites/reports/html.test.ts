/** index.html from the hand-made run: self-contained, matrix, failures, timeline pictures, escaping. */
import { describe, expect, it } from "vitest";
import { catalogLink } from "../../src/reports/check-catalog.js";
import { renderHtml } from "../../src/reports/html.js";
import { FAILING, SAMPLE_LATENCY, SAMPLE_LATENCY_LINE, sampleRun } from "./sample-run.js";

const run = sampleRun();

describe("index.html", () => {
  const html = renderHtml(run);

  it("is one self-contained page: no script, no external resource", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/src="/);
    // The only links out of the page are to the check catalog (a link, never a resource the page loads).
    const outside = [...html.matchAll(/href="(?!#)([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(outside.length).toBeGreaterThan(0);
    for (const href of outside) expect(href.startsWith(catalogLink()), href).toBe(true);
  });

  it("shows the verdict with counts, duration and seed", () => {
    expect(html).toContain("✗ FAILED: 6 of 12 checks, 1 blocked: conformance of <code>sample-bot</code>");
    expect(html).toContain("2.3 s · seed 42 · 25 property-based runs per sequence");
  });

  it("gives the notification POSTs' latency in its header, and none when nothing was POSTed", () => {
    const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
    expect(header).toContain(`<p class="latency">${SAMPLE_LATENCY_LINE}</p>`);
    expect(renderHtml({ ...run, latency: { ...SAMPLE_LATENCY, posts: 0 } })).not.toContain('class="latency"');
  });

  it("has a matrix with a row per subject, a column per kind, and failing cells marked in text", () => {
    expect(html).toMatch(/<tr class="row fail" data-status="fail"><th scope="row" class="subject">create-call\.v1\.0\.ex01 <span class="badge fail">✗ 2 failed<\/span>/);
    expect(html).toContain(`data-check="${FAILING.request}" href="#check-create-call.v1.0.ex01~2f~http.authorization"`);
    expect(html).toMatch(/<td class="cell fail" data-status="fail"><a class="cell-link fail"[^>]*>✗ FAIL<\/a><\/td>/);
    expect(html).toMatch(/<a class="chip-link fail"[^>]*>✗ delta-1<\/a>/);
    expect(html).toMatch(/<th scope="col" class="kind"><div><span class="kind-prefix">http\.<\/span>authorization<\/div><\/th>/);
    expect(html).toMatch(/<th scope="col" class="kind"><div>delivery<\/div><\/th>/);
  });

  it("lets a reader jump to failures and show only them", () => {
    expect(html).toContain('<input type="checkbox" id="only-failures">');
    expect(html).toContain("body:has(#only-failures:checked)");
    for (const id of Object.values(FAILING)) expect(html).toContain(`<li><a href="#check-${id.replace(/\//g, "~2f~")}"><code>${id}</code></a></li>`);
    expect(html).toMatch(new RegExp(`<li class="check fail" id="check-sequence\\.delta-roster~2f~acks" data-status="fail" data-check="sequence\\.delta-roster/acks">`));
  });

  it("draws each timeline as SVG: batches, duplicates, alterations, answers, observed against expected", () => {
    const svgs = html.match(/<svg class="timeline-svg"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3); // delta-roster documented, call-terminated documented, delta-roster delivery
    const [documented, , delivery] = svgs as [string, string, string];
    expect(documented).toContain('<g class="post fail" data-post="2" data-status="fail">');
    expect(documented).toContain("✗ participants: expected [&quot;p-1&quot;], observed []");
    expect(documented).toContain("✓ state = &quot;established&quot;");
    expect(documented).toContain(">500 ✗<");
    expect(delivery).toContain(">batch of 3<");
    expect(delivery).toContain(">↻ delta-1 (dup)<");
    expect(delivery).toContain(">✎ unknown properties<");
    expect(delivery).toContain(">▶ transfer<");
    expect(delivery).toContain(">no answer ✗<");
    expect(delivery).toContain("✗ error: handleNotification() failed");
  });

  it("shows the seed and replay command of property-based checks", () => {
    expect(html).toContain("<code>seed: 1234</code> <code>replay: npx graph-calls-contract conformance --only delivery.delta-roster --seed 1234</code>");
  });

  it("escapes every message", () => {
    expect(html).toContain(`<p class="message">Authorization is &quot;Bearer &lt;x&gt;&quot; &amp; &#39;y&#39; \\x00\\x07\\x1B[31m\\x7F \\uD800 ]]&gt; &lt;/details&gt; | \`code\` @odata.type</p>`);
    expect(html).not.toContain("<x>");
  });

  it("says so when nothing ran", () => {
    const empty = renderHtml({ ...run, checks: [] });
    expect(empty).toContain("NO CHECKS RAN");
    expect(empty).toContain("No checks ran.");
  });
});
