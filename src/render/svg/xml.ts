// Writing SVG as text, deterministic to the byte: every text from the data escaped, every number
// written the same way on every machine. Nothing here knows about charts.

/**
 * Characters XML 1.0 does not allow at all (not even as a character reference): C0 controls but
 * tab, line feed and carriage return; U+FFFE and U+FFFF; unpaired surrogates. C1 controls and DEL
 * are allowed but mean nothing in a picture. Each becomes U+FFFD, the replacement character.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from anywhere (a dataset title, a file name) as XML character data or an attribute value:
 * markup characters as entities, forbidden characters replaced, and tab and line breaks as spaces
 * (a label is one line; an attribute would normalise them anyway).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\t\n\r]/g, ' ')
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A coordinate or length: at most two decimals, no exponent, no "-0". */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot place an SVG element at ${n}`);
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

export type AttrValue = string | number | undefined | null;
export type Attrs = Readonly<Record<string, AttrValue>>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/**
 * An element. Children are markup already (other elements), one per line; an element without
 * children closes itself. Use `textEl` for an element holding text.
 */
export function el(name: string, attrs: Attrs = {}, children: readonly string[] = []): string {
  const open = `<${name}${attrText(attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n</${name}>`;
}

/** An element holding text (escaped here), and optionally a tooltip or other markup after it. */
export function textEl(name: string, attrs: Attrs, text: string): string {
  return `<${name}${attrText(attrs)}>${escapeXml(text)}</${name}>`;
}

/** A shape with a tooltip: browsers show a `<title>` child on hover, and screen readers read it. */
export function titled(name: string, attrs: Attrs, title: string | undefined): string {
  return title === undefined ? el(name, attrs) : `<${name}${attrText(attrs)}><title>${escapeXml(title)}</title></${name}>`;
}
