/**
 * One SAX pass over a part. saxes, the parser exceljs itself uses, is the reference, so entity and
 * white-space handling are the same on both reading paths; a fast scanner takes the plain parts
 * (nearly all of them) and calls the same handlers with the same events several times faster.
 * Element names are matched with their prefix, as exceljs does: a part whose elements carry a
 * namespace prefix is read by neither.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * The attributes of the tag being opened, read by name. Valid only during the `open` call: the fast path
 * reuses one accessor for every tag and cuts a value out of the part only when it is asked for, since
 * most attributes (`ht`, `spans`, `x14ac:dyDescent`, data validation messages …) are never read.
 */
export interface XmlAttrs {
  get(name: string): string | undefined;
  /** Every attribute in document order, as a new object (for tests and diagnostics, not the hot path). */
  toRecord(): Record<string, string>;
}

/** Handlers are called as plain functions (no `this`), on both paths. */
export interface XmlHandlers {
  open?(name: string, attrs: XmlAttrs): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * Parses a part, taking the fast path when it can. Workbook parts are machine-written, plain XML: the
 * fast scanner handles exactly that subset (see scanFast) and, whenever it meets anything else or
 * anything malformed, gives up; the whole part is then read again by saxes, so odd and broken parts are
 * read, or refused, exactly as saxes does. The fast scanner calls the handlers as it goes, so a part it
 * gives up on may already have produced events: `start` is called once per attempt and must return
 * handlers with fresh state (keep the state inside it), which makes a restart discard what the first
 * attempt built. An exception from a handler propagates at once: saxes, streaming too, would have
 * reached the same event and thrown the same way.
 */
export function scanXml(xml: string, start: () => XmlHandlers): void {
  if (!scanFast(xml, start())) scanWithSaxes(xml, start());
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
    const attrs = new SaxesAttrs();
    parser.on('opentag', (tag: SaxesTagPlain) => {
      attrs.record = tag.attributes as Record<string, string>;
      open(tag.name, attrs);
    });
  }
  if (h.text) parser.on('text', h.text);
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  parser.write(xml).close();
  if (failure) throw failure;
}

/** saxes's attributes object (it has no prototype, so any name can be looked up safely). */
class SaxesAttrs implements XmlAttrs {
  record: Record<string, string> = Object.create(null) as Record<string, string>;

  get(name: string): string | undefined {
    return this.record[name];
  }

  toRecord(): Record<string, string> {
    return { ...this.record };
  }
}

/**
 * The fast path's attributes: where each value lies in the part, cut out (and so allocated) only when
 * asked for. A value holding an entity reference is decoded while scanning (it has to be checked then
 * anyway) and kept as a string.
 */
class ScannedAttrs implements XmlAttrs {
  count = 0;
  readonly names: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly decoded: (string | undefined)[] = [];

  constructor(private readonly xml: string) {}

  /** Whether the tag already has this attribute (XML forbids repeating one). */
  has(name: string): boolean {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return true;
    return false;
  }

  add(name: string, start: number, end: number, decoded: string | undefined): void {
    const i = this.count++;
    this.names[i] = name;
    this.starts[i] = start;
    this.ends[i] = end;
    this.decoded[i] = decoded;
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.decoded[i] ?? this.xml.slice(this.starts[i], this.ends[i]);
    return undefined;
  }

  toRecord(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let i = 0; i < this.count; i++) out[this.names[i]!] = this.get(this.names[i]!)!;
    return { ...out };
  }
}

const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const BANG = 0x21;
const QUOT = 0x22;
const HASH = 0x23;
const AMP = 0x26;
const APOS = 0x27;
const MINUS = 0x2d;
const SLASH = 0x2f;
const SEMI = 0x3b;
const LT = 0x3c;
const EQ = 0x3d;
const GT = 0x3e;
const QMARK = 0x3f;
const RSQB = 0x5d;

/** ASCII name characters: 1 may start a name (`[A-Za-z_]`), 2 may only follow (`[0-9.:-]`). */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) NAME_CHAR[c] = 1;
  else if (/[0-9.:-]/.test(ch)) NAME_CHAR[c] = 2;
}

/** Only the declaration Excel and most writers emit; any other form (or any other PI) is saxes's to judge. */
const XML_DECL = /<\?xml version="1\.0"(?: encoding="[A-Za-z][\w.-]*")?(?: standalone="(?:yes|no)")?\?>/y;

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB;
}

/**
 * How many UTF-16 units the character at `at` takes when it is an XML 1.0 Char at or above U+D800
 * (a valid surrogate pair: 2; U+E000–U+FFFD: 1), else 0. Below U+D800 the callers check themselves.
 */
function highCharLength(xml: string, at: number, c: number): number {
  if (c >= 0xe000) return c <= 0xfffd ? 1 : 0;
  if (c > 0xdbff) return 0;
  const low = xml.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
}

/** Set by readEntity: the index just past the entity's `;`. */
let entityEnd = 0;

/**
 * The text an entity reference starting at `at` (its `&`) stands for: one of the five named entities
 * or a character reference to an XML Char, exactly as saxes resolves them; null for anything else.
 */
function readEntity(xml: string, at: number): string | null {
  if (xml.charCodeAt(at + 1) === HASH) {
    const hex = xml.charCodeAt(at + 2) === 0x78; /* x */
    let i = hex ? at + 3 : at + 2;
    const first = i;
    let code = 0;
    for (;; i++) {
      const c = xml.charCodeAt(i);
      let digit: number;
      if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
      else if (hex && c >= 0x61 && c <= 0x66) digit = c - 0x57;
      else if (hex && c >= 0x41 && c <= 0x46) digit = c - 0x37;
      else break;
      code = code * (hex ? 16 : 10) + digit;
      if (code > 0x10ffff) return null;
    }
    if (i === first || xml.charCodeAt(i) !== SEMI) return null;
    const isChar = code === TAB || code === LF || code === 0x0d || (code >= SPACE && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!isChar) return null;
    entityEnd = i + 1;
    return String.fromCodePoint(code);
  }
  const semi = xml.indexOf(';', at + 1);
  // The longest named entity is 4 letters; a far `;` means a stray `&`.
  if (semi < 0 || semi > at + 5) return null;
  const v = NAMED.get(xml.slice(at + 1, semi));
  if (v === undefined) return null;
  entityEnd = semi + 1;
  return v;
}

/** Set by scanText and scanAttrValue: the index of the `<` or the closing quote that ended the run. */
let runEnd = 0;

/**
 * Character data from `at` to the next `<` (or the end), entity-decoded, or null outside the subset:
 * a character XML forbids, an entity saxes would refuse, or `]]>` (saxes refuses it; the decoded check
 * also keeps `]]&gt;` and the like on saxes's side).
 */
function scanText(xml: string, at: number): string | null {
  const n = xml.length;
  let out = '';
  let from = at;
  let i = at;
  let decoded = false;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === LT) break;
    if (c === AMP) {
      const v = readEntity(xml, i);
      if (v === null) return null;
      out += xml.slice(from, i) + v;
      i = from = entityEnd;
      decoded = true;
      continue;
    }
    if (c < SPACE) {
      if (c !== TAB && c !== LF) return null;
    } else if (c === GT) {
      if (xml.charCodeAt(i - 1) === RSQB && xml.charCodeAt(i - 2) === RSQB && i - 2 >= from) return null;
    } else if (c >= 0xd800) {
      const len = highCharLength(xml, i, c);
      if (len === 0) return null;
      i += len;
      continue;
    }
    i++;
  }
  runEnd = i;
  if (!decoded) return xml.slice(at, i);
  out += xml.slice(from, i);
  return out.includes(']]>') ? null : out;
}

/** Set by scanAttrValue: the decoded value when it held an entity reference, else undefined. */
let attrDecoded: string | undefined;

/**
 * Checks a quoted attribute value from `at` (just past the opening quote) to the matching quote, leaving
 * its end in runEnd and, when it held an entity reference, its decoded text in attrDecoded. False outside
 * the subset: besides what scanText refuses, `<` (XML forbids it), tab and line feed (saxes normalises them
 * to spaces) and `>` (never written by the workbook writers; left to saxes).
 */
function scanAttrValue(xml: string, at: number, quote: number): boolean {
  const n = xml.length;
  let out = '';
  let from = at;
  let i = at;
  let decoded = false;
  for (;;) {
    if (i >= n) return false;
    const c = xml.charCodeAt(i);
    if (c === quote) break;
    if (c === AMP) {
      const v = readEntity(xml, i);
      if (v === null) return false;
      out += xml.slice(from, i) + v;
      i = from = entityEnd;
      decoded = true;
      continue;
    }
    if (c < SPACE || c === LT || c === GT) return false;
    if (c >= 0xd800) {
      const len = highCharLength(xml, i, c);
      if (len === 0) return false;
      i += len;
      continue;
    }
    i++;
  }
  runEnd = i;
  attrDecoded = decoded ? out + xml.slice(from, i) : undefined;
  return true;
}

/** The end of an ASCII name starting at `at`, or `at` itself when no name starts there. */
function nameEnd(xml: string, at: number): number {
  if (NAME_CHAR[xml.charCodeAt(at)] !== 1) return at;
  let i = at + 1;
  for (;;) {
    const c = xml.charCodeAt(i);
    if (c < 128 && NAME_CHAR[c] !== 0) i++;
    else return i;
  }
}

/**
 * Names seen before, direct-mapped: handing out the same string object for every `row`, `ref`,
 * `mergeCell` spares an allocation per tag and attribute. The table holds the engine's internalised
 * copy (what a literal or a property key is), so the handlers' `name === 'row'` and the attribute
 * look-ups compare pointers, not characters. It is large enough that the hundred-odd names of the
 * workbook parts rarely share a slot, since a miss costs more than a slice.
 */
const INTERNED: (string | undefined)[] = new Array(4096).fill(undefined);
const MAX_INTERNED_LENGTH = 40;

/** One-letter names (`c`, `v`, `r`, `s`, `t`, `f`: most names in a sheet), by character code. */
const ONE_LETTER: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** The internalised string equal to `name`: object keys are internalised (and never views of the part). */
function internalised(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

function nameAt(xml: string, from: number, to: number): string {
  const length = to - from;
  if (length === 1) return ONE_LETTER[xml.charCodeAt(from)]!; // names are ASCII (nameEnd)
  if (length > MAX_INTERNED_LENGTH) return xml.slice(from, to);
  // Four of the (ASCII) characters and the length, mixed down to 12 bits (Fibonacci hashing).
  const key = (xml.charCodeAt(from) << 21) ^ (xml.charCodeAt(from + 1) << 14) ^ (xml.charCodeAt(from + (length >> 1)) << 7) ^ xml.charCodeAt(to - 1) ^ (length << 26);
  const slot = Math.imul(key, 0x9e3779b1) >>> 20;
  const known = INTERNED[slot];
  // A loop, not `startsWith`, which is slow when the part holds Chinese (a two-byte string) and the name not.
  if (known !== undefined && known.length === length) {
    let j = 0;
    while (j < length && xml.charCodeAt(from + j) === known.charCodeAt(j)) j++;
    if (j === length) return known;
  }
  return (INTERNED[slot] = internalised(xml.slice(from, to)));
}

/** Whether a comment's body (between `<!--` and `-->`) is one saxes reads without complaint. */
function plainComment(xml: string, from: number, to: number): boolean {
  if (to > from && xml.charCodeAt(to - 1) === MINUS) return false;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === MINUS && xml.charCodeAt(i + 1) === MINUS) return false;
    if (c < SPACE && c !== TAB && c !== LF) return false;
    if (c >= 0xd800) {
      const len = highCharLength(xml, i, c);
      if (len === 0) return false;
      i += len - 1;
    }
  }
  return true;
}

/**
 * The fast path: calls the handlers for a plain, well-formed part and returns true, or returns false
 * (possibly after some events) as soon as the part leaves the subset it handles. The subset: an optional
 * BOM, then `<` at once; an optional standard XML declaration; ASCII names `[A-Za-z_][\w.:-]*`; attributes
 * separated by white space (space, tab, line feed: any CR sends the part to saxes, which normalises line
 * ends), quoted, without `<`, `>`, tab or line feed in the value, not repeated; the five named entities and
 * character references to XML characters; comments without `--`; only white space outside the root.
 * No CDATA, DOCTYPE or processing instructions. Events are those saxes gives for the same part.
 */
export function scanFast(xml: string, h: XmlHandlers): boolean {
  const { open, text, close } = h;
  const n = xml.length;
  if (xml.includes('\r')) return false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.charCodeAt(i) !== LT) return false;
  if (xml.charCodeAt(i + 1) === QMARK) {
    XML_DECL.lastIndex = i;
    if (!XML_DECL.test(xml)) return false;
    i = XML_DECL.lastIndex;
  }
  const stack: string[] = [];
  const attrs = new ScannedAttrs(xml);
  let depth = 0;
  let rootSeen = false;
  while (i < n) {
    let c = xml.charCodeAt(i);
    if (c !== LT) {
      const t = scanText(xml, i);
      if (t === null) return false;
      // Outside the root only white space may stand; saxes reports it as text all the same.
      if (depth === 0 && !/^[ \t\n]*$/.test(t)) return false;
      i = runEnd;
      text?.(t);
      if (i >= n) break;
    }
    c = xml.charCodeAt(i + 1);
    if (c === SLASH) {
      if (depth === 0) return false;
      const name = stack[depth - 1]!;
      let k = i + 2;
      // A loop rather than `startsWith`, as in nameAt.
      const length = name.length;
      let j = 0;
      while (j < length && xml.charCodeAt(k + j) === name.charCodeAt(j)) j++;
      if (j < length) return false;
      k += length;
      while (isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== GT) return false;
      depth--;
      close?.(name);
      i = k + 1;
    } else if (c === BANG) {
      if (!xml.startsWith('<!--', i)) return false; // CDATA, DOCTYPE: saxes
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || !plainComment(xml, i + 4, end)) return false;
      i = end + 3;
    } else {
      if (depth === 0 && rootSeen) return false; // a second root
      // `<?` fails the name test: processing instructions past the declaration are saxes's.
      const end = nameEnd(xml, i + 1);
      if (end === i + 1) return false;
      const name = nameAt(xml, i + 1, end);
      attrs.count = 0;
      let k = end;
      let selfClosing = false;
      for (;;) {
        c = xml.charCodeAt(k);
        if (isSpace(c)) {
          do c = xml.charCodeAt(++k);
          while (isSpace(c));
        } else if (c !== GT && c !== SLASH) return false; // XML wants white space between attributes
        if (c === GT) {
          k++;
          break;
        }
        if (c === SLASH) {
          if (xml.charCodeAt(k + 1) !== GT) return false;
          selfClosing = true;
          k += 2;
          break;
        }
        const keyEnd = nameEnd(xml, k);
        if (keyEnd === k) return false;
        const key = nameAt(xml, k, keyEnd);
        k = keyEnd;
        while (isSpace(xml.charCodeAt(k))) k++;
        if (xml.charCodeAt(k) !== EQ) return false;
        do c = xml.charCodeAt(++k);
        while (isSpace(c));
        if (c !== QUOT && c !== APOS) return false;
        if (!scanAttrValue(xml, k + 1, c) || attrs.has(key)) return false;
        attrs.add(key, k + 1, runEnd, attrDecoded);
        k = runEnd + 1;
      }
      rootSeen = true;
      open?.(name, attrs);
      if (selfClosing) close?.(name);
      else stack[depth++] = name;
      i = k;
    }
  }
  return depth === 0 && rootSeen;
}

/** The second entity pass exceljs applies to `str` values and formula string results. */
export function xmlDecodeAgain(text: string): string {
  if (!text.includes('&')) return text;
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
  if (!text.includes('_x')) return text; // nearly always: spares the regex on every shared string
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
