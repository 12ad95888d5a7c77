/**
 * index.html of a faulty run, opened from disk in Debian's headless Chromium: the DOM Chromium
 * builds still marks the failing checks (so the markup parsed as meant), and the screenshot is a
 * rendered page with the failure colour on it. Skipped, saying how to install Chromium, where
 * /usr/bin/chromium is missing.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { CheckResult } from "../../src/harness/checks.js";
import { writeReports } from "../../src/reports/index.js";
import { CHROMIUM_MISSING, chromiumAvailable, runChromium } from "./chromium.js";
import { countPixels, decodePng } from "./png.js";
import { faultyRun, tempReportsRoot } from "./runs.js";
import { FAILING, NASTY_MESSAGE, sampleRun } from "./sample-run.js";

const available = chromiumAvailable();
if (!available) console.warn(`SKIPPED: ${CHROMIUM_MISSING}`);

const WIDTH = 1280;
const HEIGHT = 1600;
const CHROMIUM_MS = 15_000;

/** Skip (never fail, never pass silently) where Chromium is missing, saying how to install it. */
const requireChromium = (ctx: TestContext) => { if (!available) ctx.skip(CHROMIUM_MISSING); };

describe("index.html in headless Chromium", () => {
  const root = tempReportsRoot();
  let failing: CheckResult[];
  let dom: string;
  let screenshot: Buffer;

  beforeAll(async () => {
    if (!available) return;
    const run = await faultyRun();
    failing = run.checks.filter((c) => c.status === "failed");
    const { dir } = writeReports(run, root);
    const url = pathToFileURL(path.join(dir, "index.html")).href;
    const png = path.join(root, "screenshot.png");
    const [dumped] = await Promise.all([
      runChromium(["--dump-dom", url], CHROMIUM_MS),
      runChromium([`--screenshot=${png}`, `--window-size=${WIDTH},${HEIGHT}`, url], CHROMIUM_MS),
    ]);
    dom = dumped.stdout;
    screenshot = fs.readFileSync(png);
  }, 180_000); // a full run and two Chromium launches, on a shared machine

  it("builds the page: verdict, matrix, failure cards and timeline pictures", (ctx) => {
    requireChromium(ctx);
    expect(dom).toMatch(/<header class="verdict fail" data-status="fail">\s*<h1>✗ FAILED: \d+ of \d+ checks/);
    expect(dom).toContain('<table class="matrix">');
    expect((dom.match(/<svg class="timeline-svg"/g) ?? []).length).toBeGreaterThan(10);
    expect(dom).toMatch(/<g class="post fail" data-post="\d+" data-status="fail">/);
    expect(dom).toContain('<input type="checkbox" id="only-failures">');
  });

  it("shows every failing check's id inside an element marked as failing", (ctx) => {
    requireChromium(ctx);
    expect(failing.length).toBeGreaterThan(0);
    for (const check of failing) {
      const card = new RegExp(`<li class="check fail" id="[^"]+" data-status="fail" data-check="${escapeRegExp(check.id)}">\\s*<h4><span class="marker">✗ FAIL</span> <code>${escapeRegExp(check.id)}</code>`);
      expect(dom, check.id).toMatch(card);
      expect(dom, check.id).toMatch(new RegExp(`<a class="(cell|chip)-link fail" data-status="fail" data-check="${escapeRegExp(check.id)}"[^>]*>✗ `));
    }
  });

  it("renders a non-blank screenshot with the failure colour on it", (ctx) => {
    requireChromium(ctx);
    const image = decodePng(screenshot);
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
    const pixels = image.width * image.height;
    const notWhite = countPixels(image, (r, g, b) => r < 245 || g < 245 || b < 245);
    const failureRed = countPixels(image, (r, g, b) => r > 180 && g < 70 && b < 80); // #cf222e: the banner and the ✗ FAIL cells
    expect(notWhite / pixels).toBeGreaterThan(0.05);
    expect(failureRed).toBeGreaterThan(5_000);
  });
});

/** Markup that would run if it were not escaped: it would mark the page's body. */
const INJECTED = `<script>document.body.dataset.pwned = "script"</script><img src="x" onerror="document.body.dataset.pwned = 'img'"><svg onload="document.body.dataset.pwned = 'svg'">`;

describe("hostile text in the reports, read by Chromium's own parsers (issue 13: keep what the probe could not break)", () => {
  const root = tempReportsRoot();
  let html: string;
  let junit: string;

  beforeAll(async () => {
    if (!available) return;
    const run = sampleRun();
    // Markup in the adapter's name and in a message, beside the sample's C0 controls, DEL, a lone surrogate and a CDATA end.
    run.adapter = `bot ${INJECTED}`;
    run.checks.find((c) => c.id === FAILING.request)!.message = `${INJECTED} ${NASTY_MESSAGE}`;
    const { dir } = writeReports(run, root);
    [{ stdout: html }, { stdout: junit }] = await Promise.all([
      runChromium(["--dump-dom", pathToFileURL(path.join(dir, "index.html")).href], CHROMIUM_MS),
      runChromium(["--dump-dom", pathToFileURL(path.join(dir, "junit.xml")).href], CHROMIUM_MS),
    ]);
  }, 60_000);

  it("index.html: the injected markup is text, none of it ran", (ctx) => {
    requireChromium(ctx);
    expect(html).toContain("&lt;script&gt;document.body.dataset.pwned");
    expect(html).not.toMatch(/data-pwned|<script|<img|<svg onload/); // as elements; in text and attributes they are escaped
  });

  it("junit.xml: well-formed for libxml2 (no parsererror), control characters and all", (ctx) => {
    requireChromium(ctx);
    expect(junit).not.toContain("parsererror");
    expect(junit).toContain("xml-viewer-style"); // Chromium's viewer of a well-formed XML file without a stylesheet
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
