import type { SniffedType } from '../../model/records.js';

/** What the first bytes say a file is; extensions lie (an `.xls` is often an .xlsx, or HTML). */
export function sniff(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return 'empty';
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x42, 0x4d)) return 'bmp';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp';
  if (looksLikeText(b.subarray(0, 4096))) return 'text';
  return 'other';
}

function looksLikeText(b: Uint8Array): boolean {
  // No NUL bytes and few control characters: HTML, CSV or plain text (UTF-8 or GB18030 alike).
  let control = 0;
  for (const v of b) {
    if (v === 0) return false;
    if (v < 0x09 || (v > 0x0d && v < 0x20)) control++;
  }
  return control <= b.length / 100;
}
