/**
 * Bytes -> one JSON value, refusing what is not JSON text before anything expensive or recursive
 * sees it: empty input, binary data (NUL bytes, UTF-16, invalid UTF-8), syntax errors (with line
 * and column) and nesting deeper than `maxDepth`. JSON.parse only runs on text the scan accepted.
 */
import { InputError } from "./input.js";
import { lineAndColumn, scanJson } from "./json-scan.js";
import { firstInvalidUtf8Offset } from "../util/text-bytes.js";

const ONLY_JSON_WHITESPACE = /^[ \t\n\r]*$/;

export function parseJsonDocument(bytes: Buffer, maxDepth: number): unknown {
  const text = decodeUtf8(bytes);
  if (ONLY_JSON_WHITESPACE.test(text)) throw new InputError(bytes.length === 0 ? "empty: 0 bytes, no JSON value" : "empty: only white space, no JSON value");
  const failure = scanJson(text, maxDepth);
  if (failure) {
    const { line, column } = lineAndColumn(text, failure.offset);
    const where = `line ${line}, column ${column}`;
    throw new InputError(failure.kind === "depth" ? `too deeply nested: ${failure.message} at ${where}` : `invalid JSON at ${where}: ${failure.message}`);
  }
  // JSON.parse defines "__proto__" keys as own properties (no prototype is set), so payloads cannot pollute.
  return JSON.parse(text) as unknown;
}

function decodeUtf8(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError("UTF-16 text: JSON must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(`binary data: NUL byte at offset ${nul}`);
  try {
    // fatal: reject invalid sequences instead of replacing them; a UTF-8 byte order mark is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`binary data: invalid UTF-8 at offset ${firstInvalidUtf8Offset(bytes)}`);
  }
}
