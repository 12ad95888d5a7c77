/**
 * What `extract` is given besides good UTF-8 pages: other text encodings (read), binary and
 * compressed files (refused, naming the file and the reason, exit 1, nothing written), the same page
 * twice (refused, naming both), and two pages with one file name (both extracted, told apart).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, test } from "vitest";
import { decodeDocument, DocumentReadError, extractCorpus, readDocument } from "../../src/extract/index.js";
import { toFixtures } from "../../src/extract/write.js";
import { run, useTempDir } from "../cli/helpers.js";

const PAGES = path.join(import.meta.dirname, "pages");
const page = fs.readFileSync(path.join(PAGES, "same-page-two-revisions", "call-transfer.2021.md"), "utf8");

/** Deterministic noise: a test that fails must fail the same way on every run. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("decoding a page", () => {
  test.each([
    ["UTF-8", Buffer.from(page, "utf8"), undefined],
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, "utf8")]), "UTF-8 (byte order mark)"],
    ["UTF-16LE with a byte order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, "utf16le")]), "UTF-16LE (byte order mark)"],
    ["UTF-16BE with a byte order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page, "utf16le").swap16()]), "UTF-16BE (byte order mark)"],
    ["UTF-16LE without one", Buffer.from(page, "utf16le"), "UTF-16LE (no byte order mark)"],
  ])("%s reads as the same text", (_name, bytes, encoding) => {
    const decoded = decodeDocument("page.md", bytes);
    expect(decoded.text.replace(/^\uFEFF/, "")).toBe(page);
    expect(decoded.encoding).toBe(encoding);
  });

  test.each([
    ["gzip", zlib.gzipSync(page), /gzip-compressed data \(decompress it first/],
    ["a zip archive", Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), randomBytes(200, 1)]), /zip archive/],
    ["a PNG image", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200, 2)]), /PNG image/],
    ["random bytes", randomBytes(4096, 3), /binary data|not UTF-8/],
    ["text with a NUL byte", Buffer.from("# call: answer\n\u0000\u0000 ok\n"), /binary data \(NUL byte at offset 15\)/],
    ["Windows-1252 text", Buffer.from("# R\xe9ponse\n", "latin1"), /invalid UTF-8 at offset 3; convert a text page/],
    ["control characters", Buffer.from("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f a page?"), /binary data \(10 control characters\)/],
    ["an empty file", Buffer.alloc(0), /empty \(0 bytes\)/],
    ["white space", Buffer.from(" \n\t\n"), /only white space/],
  ])("%s is refused, naming the file and why", (_name, bytes, why) => {
    expect(() => decodeDocument("page.md", bytes)).toThrow(DocumentReadError);
    expect(() => decodeDocument("page.md", bytes)).toThrow(/^page\.md: not a documentation page: /);
    expect(() => decodeDocument("page.md", bytes)).toThrow(why);
  });
});

describe("graph-calls-contract extract on what is not a page", () => {
  const tmp = useTempDir();

  test.each([
    ["page.md.gz", () => zlib.gzipSync(page), "gzip-compressed data"],
    ["noise.bin", () => randomBytes(8192, 7), "not a documentation page"],
    ["empty.md", () => Buffer.alloc(0), "empty (0 bytes)"],
  ])("%s: exit 1, the reason on stderr, nothing written", async (name, bytes, reason) => {
    fs.writeFileSync(path.join(tmp(), "good.md"), page);
    fs.writeFileSync(path.join(tmp(), name), bytes());
    const result = await run(["extract", "--out", "fx", "good.md", name], { cwd: tmp() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`graph-calls-contract extract: ${name}: not a documentation page`);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(fs.existsSync(path.join(tmp(), "fx"))).toBe(false);
  });

  test("a page over --max-bytes is refused before it is read", async () => {
    fs.writeFileSync(path.join(tmp(), "big.md"), page);
    const result = await run(["extract", "--out", "fx", "--max-bytes", "100", "big.md"], { cwd: tmp() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`big.md: too large: ${Buffer.byteLength(page)} bytes, over the 100-byte limit`);
  });

  test("the same page under two names: exit 1, naming both", async () => {
    fs.writeFileSync(path.join(tmp(), "a.md"), page);
    fs.writeFileSync(path.join(tmp(), "b.md"), page);
    const result = await run(["extract", "--out", "fx", "a.md", "b.md"], { cwd: tmp() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("a.md and b.md have identical content");
    expect(fs.existsSync(path.join(tmp(), "fx"))).toBe(false);
  });

  test("the same file twice: exit 1", async () => {
    fs.writeFileSync(path.join(tmp(), "a.md"), page);
    const result = await run(["extract", "--out", "fx", "a.md", "./a.md"], { cwd: tmp() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a\.md.*(given twice|identical content)/);
  });

  test("two revisions with one file name in two folders: both written, told apart by their paths", async () => {
    const revised = fs.readFileSync(path.join(PAGES, "same-page-two-revisions", "call-transfer.2023.md"));
    fs.mkdirSync(path.join(tmp(), "2021"));
    fs.mkdirSync(path.join(tmp(), "2023"));
    fs.writeFileSync(path.join(tmp(), "2021", "call-transfer.md"), page);
    fs.writeFileSync(path.join(tmp(), "2023", "call-transfer.md"), revised);
    const result = await run(["extract", "--out", "fx", "2021/call-transfer.md", "2023/call-transfer.md"], { cwd: tmp() });
    expect(result.code).toBe(0);
    const keys = fs.readdirSync(path.join(tmp(), "fx", "documented")).sort();
    expect(keys).toEqual(["call-transfer.en.v1.0", "call-transfer.en.v1.0~2023-call-transfer"]);
    const manifest = (key: string) => JSON.parse(fs.readFileSync(path.join(tmp(), "fx", "documented", key, "document.json"), "utf8")) as { document: string; counts: { requests: number } };
    expect([manifest(keys[0]!).document, manifest(keys[1]!).document]).toEqual(["2021/call-transfer.md", "2023/call-transfer.md"]);
    expect([manifest(keys[0]!).counts.requests, manifest(keys[1]!).counts.requests]).toEqual([1, 2]);
  });
});

describe("the writer", () => {
  test("refuses to write two payloads to one file, naming both, should naming ever give two documents one key", () => {
    const dir = path.join(PAGES, "same-page-two-revisions");
    const corpus = extractCorpus(["call-transfer.2021.md", "call-transfer.2023.md"].map((f) => readDocument(path.join(dir, f))));
    corpus.documents[1]!.key = corpus.documents[0]!.key;
    expect(() => toFixtures(corpus)).toThrow(/two payloads would be written to documented\/call-transfer\.en\.v1\.0\/ex01\.request\.json: call-transfer\.2021\.md lines \d+-\d+ and call-transfer\.2023\.md lines \d+-\d+/);
  });
});
