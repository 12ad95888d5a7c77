/** Text into XML and HTML (element content and quoted attribute values alike). */
import { visibleControls } from "./text.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escape the five markup characters and make the characters XML forbids visible as text, so the
 * result is well-formed XML and safe HTML whatever a bot put in a message.
 */
export function escapeMarkup(text: string): string {
  return visibleControls(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** For attribute values: newlines and tabs as character references, so a parser does not fold them into spaces. */
export function escapeAttribute(text: string): string {
  return escapeMarkup(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/**
 * A fragment identifier for a check or subject: characters outside [A-Za-z0-9._-] become "~hex~"
 * (so two ids never collide), and a prefix keeps kinds of anchors apart.
 */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/gu, (ch) => `~${ch.codePointAt(0)!.toString(16)}~`)}`;
}
