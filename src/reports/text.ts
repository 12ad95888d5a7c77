/** Plain-text building blocks every report format shares: safe characters, one-liners, JSON, durations. */
import { toJsonValue } from "./json-safe.js";

/**
 * Control characters (but tab and newlines), DEL, C1 controls, lone surrogates and U+FFFE/U+FFFF:
 * XML forbids most of them and terminals, browsers and GitHub render them as nothing or garbage.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Show such characters as `\xHH` / `\uHHHH` text rather than dropping them: a message keeps its evidence. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** At most `max` characters (an ellipsis says when it was cut). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut between the two halves of a surrogate pair: the half left behind would be a lone surrogate.
  let end = Math.max(0, max - 1);
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One line: newlines and runs of white space folded, controls made visible, cut at `max`. */
export function oneLine(text: string, max = Infinity): string {
  return truncate(visibleControls(text.replace(/\s+/g, " ").trim()), max);
}

/** Any value as compact JSON on one line, whatever the bot answered. */
export function compactJson(value: unknown, max = Infinity): string {
  return oneLine(JSON.stringify(toJsonValue(value)) ?? "null", max);
}

/** "850 ms", "2.1 s", "3 min 05 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "unknown duration";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** "1 check", "3 checks". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Lines of at most `width` characters, broken after a space or comma where one is near; at most `maxLines`, the last cut with "…". */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width && lines.length < maxLines - 1) {
    const window = rest.slice(0, width);
    const breakAt = Math.max(window.lastIndexOf(" "), window.lastIndexOf(","));
    const end = breakAt >= width / 2 ? breakAt + 1 : width;
    lines.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  lines.push(truncate(rest, width));
  return lines;
}
