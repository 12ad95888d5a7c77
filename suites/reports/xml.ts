/**
 * A tiny XML 1.0 parser for the tests: it rejects what is not well-formed (illegal characters,
 * unbalanced or crossed tags, unquoted or duplicate attributes, a bare "&" or "<", "]]>" in text,
 * unknown entities, text outside the root) and returns the element tree, entities decoded.
 * No DTDs and no namespaces: junit.xml has neither.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), decoded. */
  text: string;
}

export class XmlError extends Error {}

const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const illegal = ILLEGAL_CHAR.exec(source);
  if (illegal) throw new XmlError(`illegal character U+${illegal[0].codePointAt(0)!.toString(16).padStart(4, "0")} at ${where(source, illegal.index)}`);
  let at = 0;
  const fail = (what: string): never => { throw new XmlError(`${what} at ${where(source, at)}`); };
  const startsWith = (s: string) => source.startsWith(s, at);
  const skipSpace = () => { while (/[ \t\r\n]/.test(source.charAt(at))) at++; };
  const until = (end: string, what: string) => {
    const i = source.indexOf(end, at);
    if (i < 0) fail(`unterminated ${what}`);
    const body = source.slice(at, i);
    at = i + end.length;
    return body;
  };
  const name = () => {
    NAME.lastIndex = at;
    const m = NAME.exec(source);
    if (!m) fail("expected a name");
    at += m![0].length;
    return m![0];
  };
  const decode = (raw: string) => raw.replace(/&([^;]*);/g, (_, ref: string) => {
    const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : ref.startsWith("#") ? parseInt(ref.slice(1), 10) : NaN;
    if (!Number.isNaN(code)) {
      const ch = String.fromCodePoint(code);
      if (ILLEGAL_CHAR.test(ch)) fail(`character reference &${ref}; to an illegal character`);
      return ch;
    }
    if (!(ref in PREDEFINED)) fail(`unknown entity &${ref};`);
    return PREDEFINED[ref]!;
  });
  const checkAmpersands = (raw: string) => {
    if (/&(?![A-Za-z_:][A-Za-z0-9_:.-]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/.test(raw)) fail("a bare & (not a reference)");
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) { at += 4; if (until("-->", "comment").includes("--")) fail('"--" in a comment'); }
      else if (startsWith("<?")) { at += 2; until("?>", "processing instruction"); }
      else return;
    }
  };

  const element = (): XmlElement => {
    if (!startsWith("<")) fail("expected an element");
    at++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: "" };
    for (;;) {
      const before = at;
      skipSpace();
      if (startsWith("/>")) { at += 2; return el; }
      if (startsWith(">")) { at++; break; }
      if (at === before) fail("expected white space before an attribute");
      const attr = name();
      skipSpace();
      if (!startsWith("=")) fail(`attribute ${attr} has no value`);
      at++;
      skipSpace();
      const quote = source.charAt(at);
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
      at++;
      const raw = until(quote, `attribute ${attr}`);
      if (raw.includes("<")) fail(`"<" in attribute ${attr}`);
      checkAmpersands(raw);
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      el.attributes[attr] = decode(raw.replace(/[\t\n\r]/g, " "));
    }
    for (;;) {
      const textEnd = source.indexOf("<", at);
      if (textEnd < 0) fail(`element <${el.name}> is not closed`);
      const raw = source.slice(at, textEnd);
      if (raw.includes("]]>")) fail('"]]>" in text');
      checkAmpersands(raw);
      el.text += decode(raw);
      at = textEnd;
      if (startsWith("</")) {
        at += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (!startsWith(">")) fail(`expected ">" after </${closing}`);
        at++;
        return el;
      }
      if (startsWith("<![CDATA[")) { at += 9; el.text += until("]]>", "CDATA section"); }
      else if (startsWith("<!--")) { at += 4; if (until("-->", "comment").includes("--")) fail('"--" in a comment'); }
      else if (startsWith("<?")) { at += 2; until("?>", "processing instruction"); }
      else el.children.push(element());
    }
  };

  if (startsWith("<?xml")) { at += 5; until("?>", "XML declaration"); }
  misc();
  if (startsWith("<!DOCTYPE")) fail("DOCTYPE is not supported");
  const root = element();
  misc();
  if (at < source.length) fail("content after the root element");
  return root;
}

function where(source: string, index: number): string {
  const before = source.slice(0, index).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** Every element below (and including) `root` with this name, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((c) => elementsNamed(c, name))];
}
