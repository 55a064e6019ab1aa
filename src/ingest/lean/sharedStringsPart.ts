/**
 * Shared strings as the text a cell shows: plain `<t>`, or rich runs concatenated (phonetic runs
 * left out). An empty `<si/>` is kept as null, which is what the exceljs path reads it as.
 */
import { decodeEscapes, scanXml } from './xml.js';

export function readSharedStrings(xml: string | undefined): (string | null)[] | undefined {
  if (xml === undefined) return undefined;
  const out: (string | null)[] = [];
  let current: string | null = null;
  let runs: string[] | null = null;
  let depth: 'si' | 'r' | 'rPh' | 'none' = 'none';
  let collecting: string[] | null = null;
  scanXml(xml, {
    open(name) {
      if (name === 'si') {
        current = null;
        runs = null;
        depth = 'si';
      } else if (depth === 'si' && name === 'r') {
        depth = 'r';
        (runs ??= []).push('');
      } else if (depth === 'si' && name === 'rPh') depth = 'rPh';
      else if (name === 't' && (depth === 'si' || depth === 'r')) collecting = [];
    },
    text(t) {
      collecting?.push(t);
    },
    close(name) {
      if (name === 't' && collecting) {
        const text = decodeEscapes(collecting.join(''));
        collecting = null;
        if (depth === 'r' && runs) runs[runs.length - 1] = text;
        else if (depth === 'si') current = text;
      } else if (name === 'r' && depth === 'r') depth = 'si';
      else if (name === 'rPh' && depth === 'rPh') depth = 'si';
      else if (name === 'si') {
        out.push(runs ? (runs as string[]).join('') : current);
        depth = 'none';
      }
    },
  });
  return out;
}
