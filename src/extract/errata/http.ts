/** HTTP-level defects of published messages: a Content-Length that is not the body's length. */
import { add, recordsOf, type ErrataContext } from "./context.js";

export function detectContentLength(ctx: ErrataContext): void {
  for (const [, record] of recordsOf(ctx.corpus)) {
    const declared = Object.entries(record.http.headers ?? {}).find(([k]) => k.toLowerCase() === "content-length")?.[1];
    if (declared === undefined || record.raw === null) continue;
    const actual = Buffer.byteLength(record.raw, "utf8");
    if (Number(declared) !== actual) {
      add(record, { code: "CONTENT_LENGTH_MISMATCH", subject: "Content-Length", line: record.lines.start, description: `Content-Length says ${declared} bytes but the published body is ${actual} bytes` });
    }
  }
}
