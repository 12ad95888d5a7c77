/** What bytes are before they are text: shared by the readers that refuse binary input (JSON documents, doc pages). */

/** Byte offset of the first malformed UTF-8 sequence: where the lenient decoder put a U+FFFD that the bytes do not spell. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let previous = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) {
    offset += Buffer.byteLength(text.slice(previous, i));
    previous = i;
    const spelled = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!spelled) return offset;
  }
  return offset;
}

/** Formats people hand a text tool by mistake, recognised by their first bytes. */
const MAGIC: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x1f, 0x8b], what: "gzip-compressed data (decompress it first, e.g. gunzip)" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a zip archive (extract the page from it first)" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document (save the page as text or markdown)" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
];

export function knownBinaryFormat(bytes: Uint8Array): string | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.what;
}
