/**
 * One SAX pass over a part. saxes, the parser exceljs itself uses, is the reference, so entity and
 * white-space handling are the same on both reading paths; a fast tokenizer takes the plain parts
 * (nearly all of them) and gives the same events in about a third of the time. Element names are
 * matched with their prefix, as exceljs does: a part whose elements carry a namespace prefix is read
 * by neither.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * Parses a part, taking the fast path when it can. Workbook parts are machine-written, plain XML: the
 * fast tokenizer below handles exactly that subset (tags, attributes, text, the five named entities and
 * character references, comments, the declaration) and, whenever it meets anything else or anything
 * malformed, stops before emitting a single event and hands the whole part to saxes, so odd and broken
 * parts are read, or refused, exactly as saxes does.
 */
export function scanXml(xml: string, h: XmlHandlers): void {
  const events = fastEvents(xml);
  if (!events) return scanWithSaxes(xml, h);
  for (const e of events) {
    if (e.kind === OPEN) h.open?.(e.name, e.attrs);
    else if (e.kind === TEXT) h.text?.(e.text);
    else h.close?.(e.name);
  }
}

/** The reference path: every part the fast path declines goes here (exported for the equivalence test). */
export function scanWithSaxes(xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(tag.name, tag.attributes as Record<string, string>));
  }
  if (h.text) parser.on('text', h.text);
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  parser.write(xml).close();
  if (failure) throw failure;
}

const OPEN = 0;
const TEXT = 1;
const CLOSE = 2;
type XmlEvent =
  | { kind: typeof OPEN; name: string; attrs: Record<string, string> }
  | { kind: typeof TEXT; text: string }
  | { kind: typeof CLOSE; name: string };

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTR = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entity-decoded text, or null for anything outside the plain subset (unknown entity, stray `&`). */
function decodeText(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let ok = true;
  const out = raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) return ((ok = false), whole);
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || !/^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(ref)) return ((ok = false), whole);
      return String.fromCodePoint(code);
    }
    const v = NAMED[ref];
    if (v === undefined) ok = false;
    return v ?? whole;
  });
  return ok ? out : null;
}

/** The events of a plain, well-formed part, or null to let saxes decide. */
function fastEvents(xml: string): XmlEvent[] | null {
  // Line ends and white space inside attribute values are normalised by XML; saxes does it right.
  if (xml.includes('\r')) return null;
  const events: XmlEvent[] = [];
  const stack: string[] = [];
  let rootSeen = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Parts begin with `<?xml` or the root; leading white space is a case saxes treats specially.
  if (xml.charCodeAt(i) !== 0x3c /* < */) return null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      // Outside the root only white space may stand; saxes reports it as text all the same.
      if (stack.length === 0 && raw.trim() !== '') return null;
      const text = decodeText(raw);
      if (text === null || text.includes(']]>')) return null;
      events.push({ kind: TEXT, text });
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0 || rootSeen) return null;
      i = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) return null; // CDATA, DOCTYPE: saxes
      const close = xml.indexOf('-->', lt + 4);
      if (close < 0 || xml.slice(lt + 4, close).includes('--')) return null;
      i = close + 3;
    } else if (next === 0x2f /* / */) {
      const close = xml.indexOf('>', lt + 2);
      if (close < 0) return null;
      const name = xml.slice(lt + 2, close).trimEnd();
      if (stack.pop() !== name) return null;
      events.push({ kind: CLOSE, name });
      i = close + 1;
    } else {
      const close = xml.indexOf('>', lt + 1);
      if (close < 0) return null;
      const selfClosing = xml.charCodeAt(close - 1) === 0x2f;
      const body = xml.slice(lt + 1, selfClosing ? close - 1 : close);
      const nameEnd = body.search(/[\s]|$/);
      const name = body.slice(0, nameEnd);
      if (!NAME.test(name) || (stack.length === 0 && rootSeen)) return null;
      const attrs: Record<string, string> = {};
      ATTR.lastIndex = nameEnd;
      let at = nameEnd;
      for (;;) {
        ATTR.lastIndex = at;
        const m = ATTR.exec(body);
        if (!m) break;
        const key = m[1]!;
        const raw = m[2] ?? m[3]!;
        if (key in attrs || /[\t\n]/.test(raw)) return null;
        const value = decodeText(raw);
        if (value === null) return null;
        attrs[key] = value;
        at = ATTR.lastIndex;
      }
      if (body.slice(at).trim() !== '') return null;
      rootSeen = true;
      events.push({ kind: OPEN, name, attrs });
      if (selfClosing) events.push({ kind: CLOSE, name });
      else stack.push(name);
      i = close + 1;
    }
  }
  return stack.length === 0 && rootSeen ? events : null;
}

/** The second entity pass exceljs applies to `str` values and formula string results. */
export function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** `_x000D_`-style escapes in `<t>` of shared strings and rich runs (upper-case hex only, as exceljs). */
export function decodeEscapes(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
