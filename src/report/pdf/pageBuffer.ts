/**
 * pdfkit turns every content operator into its own byte array (a JavaScript loop over the string) as
 * it is written; a review page has several hundred operators, so that copying and the garbage it left
 * were a large share of the PDF time. Here a page's operators are kept as strings and turned into
 * bytes once, when pdfkit ends the page: the same bytes, in the same order (pdfkit 0.20 internals).
 */
import type { Doc } from './draw.js';

interface PageInternals {
  content: { write(chunk: Uint8Array | string): void };
  write(chunk: Uint8Array | string): void;
  end(): void;
}

/** Returns the page's flush: its pending text as bytes, written to the page's content stream. */
function bufferPage(page: PageInternals): () => void {
  const pending: string[] = [];
  const content = page.content;
  const flush = () => {
    if (pending.length === 0) return;
    // pdfkit ends every chunk with a newline and keeps each character's low byte: latin1 does both.
    content.write(Buffer.from(pending.join('\n') + '\n', 'latin1'));
    pending.length = 0;
  };
  page.write = (chunk) => {
    if (typeof chunk === 'string') pending.push(chunk);
    else {
      flush();
      content.write(chunk);
    }
  };
  const end = page.end.bind(page);
  page.end = () => {
    flush();
    end();
  };
  return flush;
}

/**
 * Makes every page `doc` adds from now on collect its content as text while it is being drawn. The
 * text becomes bytes when the drawing moves to another page, so it never outlives the page's turn
 * (thousands of pages of pending strings would otherwise wait, and be copied by the GC, until the end).
 */
export function bufferPageWrites(doc: Doc): void {
  const d = doc as unknown as {
    addPage(...args: unknown[]): unknown;
    switchToPage(n: number): unknown;
    page: PageInternals;
  };
  const flushes = new WeakMap<PageInternals, () => void>();
  let flushCurrent: () => void = () => {};
  const addPage = d.addPage.bind(d);
  const switchToPage = d.switchToPage.bind(d);
  d.addPage = (...args: unknown[]) => {
    flushCurrent();
    const r = addPage(...args);
    flushCurrent = bufferPage(d.page);
    flushes.set(d.page, flushCurrent);
    return r;
  };
  d.switchToPage = (n: number) => {
    flushCurrent();
    const r = switchToPage(n);
    flushCurrent = flushes.get(d.page) ?? (() => {});
    return r;
  };
}
