/**
 * The text of a file saved as .xls that is text (HTML, XML 2003, CSV/TSV): UTF-16 when it starts with
 * its byte-order mark (Excel's 「Unicode 文本」 saves tab-separated UTF-16LE), else as every text file
 * here is decoded (decodeText: UTF-8 with or without BOM, else GB18030).
 */
import { decodeText } from '../../util/decodeText.js';

export type SheetTextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeSheetText(bytes: Uint8Array): { text: string; encoding: SheetTextEncoding } {
  const utf16 = hasUtf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes.subarray(2)), encoding: utf16 };
  return decodeText(bytes);
}
