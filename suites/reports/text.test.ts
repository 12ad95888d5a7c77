import { describe, expect, it } from "vitest";
import { toJsonValue } from "../../src/reports/json-safe.js";
import { anchorId, escapeAttribute, escapeMarkup } from "../../src/reports/markup.js";
import { checkKind, matrixColumn, postViews } from "../../src/reports/model.js";
import { formatDuration, oneLine, truncate, visibleControls, wrapText } from "../../src/reports/text.js";
import { timelineLines } from "../../src/reports/timeline-text.js";
import { DELIVERY_TIMELINE, DOCUMENTED_TIMELINE } from "./sample-run.js";

describe("text helpers", () => {
  it("shows control characters, DEL, C1 and lone surrogates as escapes and keeps tabs, newlines and pairs", () => {
    expect(visibleControls("a\u0000b\u001bc\u007fd\u0085e\tf\ng")).toBe("a\\x00b\\x1Bc\\x7Fd\\x85e\tf\ng");
    expect(visibleControls("x\uD800y\uDC00z")).toBe("x\\uD800y\\uDC00z");
    expect(visibleControls("emoji \u{1F600} and \uFFFE")).toBe("emoji \u{1F600} and \\uFFFE");
  });

  it("cuts with an ellipsis and never between the halves of a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab\u{1F600}cd", 4)).toBe("ab…");
    expect(oneLine("  a\n\n b\tc  ")).toBe("a b c");
  });

  it("wraps at spaces or commas and cuts the last allowed line", () => {
    expect(wrapText("aaa bbb ccc ddd", 8, 5)).toEqual(["aaa bbb", "ccc ddd"]);
    expect(wrapText("x".repeat(25), 10, 2)).toEqual(["x".repeat(10), `${"x".repeat(9)}…`]);
  });

  it("formats durations for people", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(2345)).toBe("2.3 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
  });

  it("turns anything a bot answered into JSON without throwing", () => {
    const cyclic: Record<string, unknown> = { n: 1n, nan: NaN, f: () => 1, u: undefined };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({}, "boom", { enumerable: true, get() { throw new Error("no"); } });
    expect(toJsonValue(cyclic)).toEqual({ n: "1n", nan: "NaN", f: "[function]", self: "[circular]" });
    expect(toJsonValue(throwing)).toBe("[unreadable: no]");
    expect(toJsonValue([undefined, new Date(0)])).toEqual([null, "1970-01-01T00:00:00.000Z"]);
    expect(toJsonValue(Infinity)).toBe("Infinity");
  });

  it("keeps a key named __proto__ (JSON.parse makes it an own property; an assignment would drop it)", () => {
    const observed = JSON.parse('{"__proto__":{"polluted":true},"constructor":1,"state":"established"}');
    const safe = toJsonValue(observed);
    expect(JSON.stringify(safe)).toBe('{"__proto__":{"polluted":true},"constructor":1,"state":"established"}');
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("markup escaping", () => {
  it("escapes the five markup characters, in attributes newlines too", () => {
    expect(escapeMarkup(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(escapeAttribute("a\nb\tc")).toBe("a&#10;b&#9;c");
  });

  it("makes anchors from ids without collisions", () => {
    expect(anchorId("check", "sequence.x/end")).toBe("check-sequence.x~2f~end");
    expect(anchorId("check", "a/b")).not.toBe(anchorId("check", "a_b"));
  });
});

describe("the report model", () => {
  it("names the kind of a check from its id", () => {
    expect(checkKind({ id: "create-call.v1.0.ex01/http.authorization" })).toBe("http.authorization");
    expect(checkKind({ id: "sequence.delta-roster/step.delta-1" })).toBe("step.delta-1");
    expect(checkKind({ id: "delivery.delta-roster" })).toBe("delivery");
    expect(matrixColumn({ id: "sequence.delta-roster/step.delta-1" })).toEqual({ column: "steps", label: "delta-1" });
  });

  it("reads batches, duplicates, alterations, actions and failed POSTs from a timeline", () => {
    const [batch, dup, action, broken] = postViews(DELIVERY_TIMELINE);
    expect(batch!.batched).toBe(true);
    expect(dup!.marks).toEqual([{ label: "delta-1", kind: "notification", duplicate: true }, { label: "unknown properties", kind: "alteration", duplicate: false }]);
    expect(action!.marks).toEqual([{ label: "transfer", kind: "action", duplicate: false }]);
    expect(broken!.marks.map((m) => m.duplicate)).toEqual([false, true]);
    expect(broken!.failed && broken!.badStatus).toBe(true);
    expect(postViews(DOCUMENTED_TIMELINE).map((v) => v.failed)).toEqual([false, true, true]);
  });

  it("writes a timeline as lines, keeping the failing POSTs when it must be short", () => {
    expect(timelineLines(DELIVERY_TIMELINE)).toEqual([
      "POST 1: [established + delta-1 + delta-2] (batch) -> 202",
      "POST 2: delta-1 (duplicate) + (altered: unknown properties) -> 202",
      "POST 3: transfer (action) -> 202",
      "POST 4: [delta-3 + delta-3 (duplicate)] (batch) -> no answer; ERROR handleNotification() failed: TimeoutError: handleNotification did not finish within 2000 ms",
    ]);
    expect(timelineLines(DELIVERY_TIMELINE, { maxLines: 3 })).toEqual([
      "POST 1: [established + delta-1 + delta-2] (batch) -> 202",
      "… 2 POST(s) not shown",
      expect.stringMatching(/^POST 4: .* -> no answer; ERROR/),
    ]);
    expect(timelineLines(DOCUMENTED_TIMELINE, { withObserved: false })[1]).toBe('POST 2: delta-1 -> 202; MISMATCH participants: expected ["p-1"], observed []');
  });
});
