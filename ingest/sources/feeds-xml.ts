/**
 * A small, strict XML parser for news feeds. Deliberately minimal and safe:
 * - no DTD support at all: `<!DOCTYPE`, `<!ENTITY` and any other markup declaration stop the parse
 *   (an entity-expansion bomb is refused before a single entity could be defined);
 * - only the five predefined entities and numeric character references are decoded; any other
 *   `&name;` is a well-formedness error;
 * - iterative (no recursion while parsing), linear in the input, depth-limited.
 * Well-formedness errors (unclosed or mismatched tags, stray text after the root, bad attributes)
 * throw `XmlSyntaxError`; declarations throw `XmlDeclarationError`.
 */

export interface XmlElement {
  /** qualified name as written, e.g. "content:encoded" */
  name: string;
  local: string;
  /** namespace URI, or null when the element is in no namespace (or its prefix is unbound) */
  ns: string | null;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {}
export class XmlDeclarationError extends Error {}

const MAX_DEPTH = 256;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*/y;
const ATTR = /\s+([A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string, at: () => string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([^;\s&<]{0,32});?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new XmlSyntaxError(`unescaped "&" ${at()}`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const num = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(ref);
    if (!num) throw new XmlSyntaxError(`undefined entity "&${ref};" ${at()}`);
    const code = num[1]!.startsWith("x") ? parseInt(num[1]!.slice(1), 16) : parseInt(num[1]!, 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlSyntaxError(`invalid character reference "&${ref};" ${at()}`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(input: string): XmlElement {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const stack: { el: XmlElement; nsScope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const line = (pos: number) => `at line ${text.slice(0, pos).split("\n").length}`;

  const addText = (s: string, pos: number) => {
    const top = stack[stack.length - 1];
    if (top) top.el.children.push(s);
    else if (s.trim() !== "") throw new XmlSyntaxError(`text outside the root element ${line(pos)}`);
  };

  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) {
      addText(decodeEntities(text.slice(i), () => line(i)), i);
      break;
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt), () => line(i)), i);
    i = lt;

    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) throw new XmlSyntaxError(`unterminated comment ${line(i)}`);
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end === -1) throw new XmlSyntaxError(`unterminated CDATA section ${line(i)}`);
      if (!stack.length) throw new XmlSyntaxError(`CDATA outside the root element ${line(i)}`);
      addText(text.slice(i + 9, end), i);
      i = end + 3;
    } else if (text.startsWith("<!", i)) {
      const what = /^<!([A-Za-z]*)/.exec(text.slice(i, i + 12))?.[1]?.toUpperCase() || "declaration";
      throw new XmlDeclarationError(`the document contains a <!${what}> declaration ${line(i)}`);
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end === -1) throw new XmlSyntaxError(`unterminated processing instruction ${line(i)}`);
      i = end + 2;
    } else if (text.startsWith("</", i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      const close = m ? /^\s*>/.exec(text.slice(NAME.lastIndex, NAME.lastIndex + 64)) : null;
      if (!m || !close) throw new XmlSyntaxError(`malformed end tag ${line(i)}`);
      const top = stack.pop();
      if (!top || top.el.name !== m[0]) throw new XmlSyntaxError(`end tag </${m[0]}> does not match ${top ? `<${top.el.name}>` : "any open element"} ${line(i)}`);
      i = NAME.lastIndex + close[0].length;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      if (!m) throw new XmlSyntaxError(`malformed start tag ${line(i)}`);
      let j = NAME.lastIndex;
      const attrs: Record<string, string> = Object.create(null); // no prototype: an attribute named __proto__ stays data
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(text);
        if (!a) break;
        if (Object.hasOwn(attrs, a[1]!)) throw new XmlSyntaxError(`duplicate attribute "${a[1]}" ${line(j)}`);
        attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? "", () => line(j));
        j = ATTR.lastIndex;
      }
      const end = /^\s*(\/?)>/.exec(text.slice(j, j + 256));
      if (!end) throw new XmlSyntaxError(`malformed start tag <${m[0]}> ${line(i)}`);
      if (root && !stack.length) throw new XmlSyntaxError(`more than one root element ${line(i)}`);
      if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError(`elements nested deeper than ${MAX_DEPTH} levels ${line(i)}`);

      const parentScope = stack[stack.length - 1]?.nsScope ?? new Map<string, string>();
      let nsScope = parentScope;
      for (const [k, v] of Object.entries(attrs)) {
        if (k === "xmlns" || k.startsWith("xmlns:")) {
          if (nsScope === parentScope) nsScope = new Map(parentScope);
          nsScope.set(k === "xmlns" ? "" : k.slice(6), v);
        }
      }
      const colon = m[0].indexOf(":");
      const prefix = colon === -1 ? "" : m[0].slice(0, colon);
      const el: XmlElement = { name: m[0], local: colon === -1 ? m[0] : m[0].slice(colon + 1), ns: nsScope.get(prefix) || null, attrs, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else root = el;
      if (end[1] !== "/") stack.push({ el, nsScope });
      i = j + end[0].length;
    }
  }
  if (stack.length) throw new XmlSyntaxError(`unclosed element <${stack[stack.length - 1]!.el.name}> at the end of the document (truncated?)`);
  if (!root) throw new XmlSyntaxError("no root element");
  return root;
}

export function childElements(el: XmlElement, local: string, ns?: readonly (string | null)[]): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.local === local && (!ns || ns.includes(c.ns)));
}

export function firstChild(el: XmlElement, local: string, ns?: readonly (string | null)[]): XmlElement | undefined {
  return childElements(el, local, ns)[0];
}

/** All text below an element, markup dropped. */
export function textOf(el: XmlElement): string {
  let out = "";
  const walk = (n: XmlNode, depth: number) => {
    if (typeof n === "string") out += n;
    else if (depth < MAX_DEPTH) for (const c of n.children) walk(c, depth + 1);
  };
  walk(el, 0);
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** The element's children written back as markup (for Atom `type="xhtml"` content), prefixes dropped. */
export function innerMarkup(el: XmlElement): string {
  const write = (n: XmlNode, depth: number): string => {
    if (typeof n === "string") return escapeText(n);
    if (depth >= MAX_DEPTH) return "";
    const attrs = Object.entries(n.attrs).filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:")).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
    return `<${n.local}${attrs}>${n.children.map((c) => write(c, depth + 1)).join("")}</${n.local}>`;
  };
  return el.children.map((c) => write(c, 0)).join("");
}

export { escapeText as escapeXmlText };
