/**
 * One SAX pass over a part with saxes, the parser exceljs itself uses, so entity and whitespace
 * handling are the same on both reading paths. Element names are matched with their prefix, as
 * exceljs does: a part whose elements carry a namespace prefix is read by neither.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export function scanXml(xml: string, h: XmlHandlers): void {
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
