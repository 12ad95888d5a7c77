/**
 * Both document formats (rendered text pages and markdown sources) are reduced to one token
 * stream, so assembling examples is written once. Line numbers are 1-based.
 */
import type { JsonObject } from "../util/json.js";
import type { SnippetLanguage } from "./snippets/types.js";

export interface Header {
  name: string;
  value: string;
  line: number;
}

export type Token =
  /** A heading; level is known in markdown and null in rendered text. source: the untranslated text of a localized page. */
  | { kind: "heading"; line: number; text: string; source: string | null; level: number | null }
  | { kind: "prose"; line: number; text: string; source: string | null }
  /** An HTTP request line (the assembler tells the page's syntax lines from example requests by their section). */
  | { kind: "request"; line: number; method: string; url: string; headers: Header[] }
  | { kind: "status"; line: number; status: number; reason: string; headers: Header[] }
  | { kind: "json"; start: number; end: number; text: string; balanced: boolean }
  | { kind: "snippet"; start: number; end: number; language: SnippetLanguage; code: string }
  /** A markdown annotation comment such as <!-- { "blockType": "request", "name": "call-transfer-1" } -->. */
  | { kind: "meta"; line: number; data: JsonObject; text: string }
  /** A reference to content that is not in the document (markdown [!INCLUDE ...]). */
  | { kind: "include"; line: number; target: string };

export type TokenKind = Token["kind"];
