/**
 * Text files from Chinese Windows come as GB18030 without a BOM; "CSV UTF-8" adds a BOM. Decode
 * before parsing so no multi-byte character is ever split. The gb18030 label, not gbk: Node 20's gbk
 * decoder is wrong for some codes.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8-bom' | 'utf-8' | 'gb18030';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
