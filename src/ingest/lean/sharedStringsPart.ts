/**
 * Shared strings as the text a cell shows: plain `<t>`, or rich runs concatenated (phonetic runs
 * left out). An empty `<si/>` is kept as null, which is what the exceljs path reads it as.
 */
import { decodeEscapes, scanXml } from './xml.js';

export function readSharedStrings(xml: string | undefined): (string | null)[] | undefined {
  if (xml === undefined) return undefined;
  let out: (string | null)[] = [];
  scanXml(xml, () => {
    const strings: (string | null)[] = (out = []);
    let current: string | null = null;
    let runs: string[] | null = null;
    let depth: 'si' | 'r' | 'rPh' | 'none' = 'none';
    // The text of the open <t>, which saxes may hand over in pieces.
    let collecting: string | null = null;
    return {
      open(name) {
        if (name === 'si') {
          current = null;
          runs = null;
          depth = 'si';
        } else if (depth === 'si' && name === 'r') {
          depth = 'r';
          (runs ??= []).push('');
        } else if (depth === 'si' && name === 'rPh') depth = 'rPh';
        else if (name === 't' && (depth === 'si' || depth === 'r')) collecting = '';
      },
      text(t) {
        if (collecting !== null) collecting += t;
      },
      close(name) {
        if (name === 't' && collecting !== null) {
          const text = decodeEscapes(collecting);
          collecting = null;
          if (depth === 'r' && runs) runs[runs.length - 1] = text;
          else if (depth === 'si') current = text;
        } else if (name === 'r' && depth === 'r') depth = 'si';
        else if (name === 'rPh' && depth === 'rPh') depth = 'si';
        else if (name === 'si') {
          strings.push(runs ? (runs as string[]).join('') : current);
          depth = 'none';
        }
      },
    };
  });
  return out;
}
