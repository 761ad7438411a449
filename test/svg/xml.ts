// A small, strict XML parser for reading the SVG charts back in tests: elements, attributes and
// text, the five predefined entities and character references, an XML declaration. It refuses
// what XML refuses (a raw "<" or "&" in text or an attribute, an unknown entity, a character XML
// does not allow, mismatched or unclosed tags, a repeated attribute, anything after the root), so
// parsing a chart also proves it is well-formed. Not a general XML parser: no DTD, no CDATA, no
// namespaces beyond reading xmlns as an attribute, and comments are refused (the charts have none).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`a bare "&" at ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const code = /^#x([0-9A-Fa-f]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity "${m}" at ${where}`);
    const cp = ref.startsWith('#x') ? Number.parseInt(code, 16) : Number.parseInt(code, 10);
    const ch = String.fromCodePoint(cp);
    if (NOT_XML_CHAR.test(ch)) throw new Error(`character reference to a character XML does not allow: ${m} at ${where}`);
    return ch;
  });
}

export function parseXml(text: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`a character XML does not allow (U+${bad[0].charCodeAt(0).toString(16)}) at ${bad.index}`);
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('unclosed XML declaration');
    i = end + 2;
  }
  skipSpace();
  const element = (): XmlElement => {
    if (text[i] !== '<') throw new Error(`expected "<" at ${i}`);
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected a space before an attribute at ${i}`);
      const attr = name();
      if (attr in el.attrs) throw new Error(`attribute ${attr} repeated at ${i}`);
      skipSpace();
      if (text[i] !== '=') throw new Error(`expected "=" at ${i}`);
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") throw new Error(`expected a quoted value at ${i}`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) throw new Error(`unclosed attribute value at ${i}`);
      el.attrs[attr] = decode(text.slice(i + 1, end), i);
      i = end + 1;
    }
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) throw new Error(`<${el.name}> is not closed`);
      if (lt > i) el.children.push(decode(text.slice(i, lt), i));
      i = lt;
      if (text.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) throw new Error(`</${closing}> closes <${el.name}> at ${i}`);
        skipSpace();
        if (text[i] !== '>') throw new Error(`expected ">" at ${i}`);
        i++;
        return el;
      }
      if (text.startsWith('<!', i) || text.startsWith('<?', i)) throw new Error(`a comment, CDATA or instruction at ${i}`);
      el.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== text.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every element under `root` (itself included), depth first, in document order. */
export function elements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) if (typeof c !== 'string') out.push(...elements(c));
  return out;
}

export const classes = (el: XmlElement): string[] => (el.attrs.class ?? '').split(/\s+/).filter(Boolean);

/** Elements whose class list holds every one of `names`. */
export function byClass(root: XmlElement, ...names: string[]): XmlElement[] {
  return elements(root).filter((el) => names.every((n) => classes(el).includes(n)));
}

export function one(root: XmlElement, ...names: string[]): XmlElement {
  const found = byClass(root, ...names);
  if (found.length !== 1) throw new Error(`expected one element of class ${names.join(' ')}, found ${found.length}`);
  return found[0]!;
}

/** The text directly inside an element (its <title> child excluded). */
export function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** The tooltip of a shape: its <title> child's text. */
export function tooltipOf(el: XmlElement): string | undefined {
  const t = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'title');
  return t === undefined ? undefined : textOf(t);
}

export const numAttr = (el: XmlElement, name: string): number => {
  const v = el.attrs[name];
  if (v === undefined || !/^-?\d+(\.\d+)?$/.test(v)) throw new Error(`<${el.name}> has no numeric ${name} (${v})`);
  return Number(v);
};
