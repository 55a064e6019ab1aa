/**
 * A pack on its way from a reading thread to the main thread. Structured cloning copies every string
 * and object: a pack's ~200 cell locations each carry the workbook's path and the sheet's name again,
 * and the main thread (which holds every pack of the province until scoring) pays for each copy in
 * cloning, memory and garbage collection while the reading threads need the cores. So:
 * - `packForPosting` (reading thread) turns each cell location that only repeats its form's own file
 *   and sheet into the bare cell address, and leaves out the file list (the job's own);
 * - `packFromPost` (main thread) gives each such address its file and sheet back, puts the file list
 *   back from discovery, and makes every place string (paths, sheet names, codes) one shared copy
 *   across the province.
 * The pack that comes out is equal to the one that went in, key order and shared objects included
 * (test/workers-pool.test.ts compares them with in-process reading).
 */
import type { ApplicantPack } from '../../model/records.js';

/** Keys whose string values name places and repeat across cells, findings and packs. */
const PLACE_KEYS = new Set(['file', 'sheet', 'path', 'city', 'applicant', 'relPath', 'code']);

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

/** A location exactly as Grid.loc makes it, in the form whose file and sheet it repeats. */
function isPlainCellLoc(v: Obj, file: string, sheet: string): v is { file: string; cell: string; sheet: string } {
  if (v.file !== file || v.sheet !== sheet) return false;
  const keys = Object.keys(v);
  return keys.length === 3 && keys[0] === 'file' && keys[1] === 'cell' && keys[2] === 'sheet';
}

/**
 * Compacts `pack` in place (the reading thread drops it once posted) and returns it. One pass: a
 * location met a second time (a finding pointing at a cell's own location object) is put back where
 * it was compacted and left whole, so it arrives as one shared object, as cloning would give it.
 */
export function packForPosting(pack: ApplicantPack): ApplicantPack {
  // The file list is the job's own (readApplicant copies it): the main thread has it already.
  pack.files = [];
  // Every location met (any object with a string `cell`): where it was compacted, or null if it was not.
  const met = new Map<object, { parent: Obj; key: string } | null>();
  const visit = (parent: Obj, key: string, v: Obj, file: string | undefined, sheet: string | undefined): void => {
    if (typeof v.cell === 'string') {
      if (met.has(v)) {
        const compacted = met.get(v);
        if (compacted) compacted.parent[compacted.key] = v;
        met.set(v, null);
        return;
      }
      if (key === 'loc' && file !== undefined && sheet !== undefined && isPlainCellLoc(v, file, sheet)) {
        parent[key] = v.cell;
        met.set(v, { parent, key });
        return;
      }
      met.set(v, null);
    }
    walk(v, file, sheet);
  };
  const walk = (obj: Obj, file: string | undefined, sheet: string | undefined): void => {
    if (typeof obj.file === 'string' && typeof obj.sheet === 'string') {
      file = obj.file;
      sheet = obj.sheet;
    }
    if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i++) {
        const x: unknown = obj[i];
        if (isObject(x) && !(x instanceof Date)) visit(obj as unknown as Obj, String(i), x, file, sheet);
      }
      return;
    }
    for (const k in obj) {
      const v = obj[k];
      if (isObject(v) && !(v instanceof Date)) visit(obj, k, v, file, sheet);
    }
  };
  walk(pack as unknown as Obj, undefined, undefined);
  return pack;
}

/**
 * Restores a posted pack in place: cell addresses become locations again (a new object each, as
 * Grid.loc made them), and place strings are swapped for the copy in `strings`, shared by every pack.
 */
export function packFromPost(pack: ApplicantPack, strings: Map<string, string>, files: readonly { relPath: string }[]): ApplicantPack {
  const shareString = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  const walk = (obj: Obj, file: string | undefined, sheet: string | undefined): void => {
    for (const k in obj) {
      const v = obj[k];
      if (typeof v === 'string') {
        if (PLACE_KEYS.has(k)) obj[k] = shareString(v);
      }
    }
    if (typeof obj.file === 'string' && typeof obj.sheet === 'string') {
      file = obj.file;
      sheet = obj.sheet;
    }
    for (const k in obj) {
      const v = obj[k];
      if (k === 'loc' && typeof v === 'string') obj[k] = { file, cell: v, sheet };
      else if (!isObject(v) || v instanceof Date) continue;
      else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (typeof x === 'string') v[i] = k === 'files' ? shareString(x) : x;
          else if (isObject(x) && !(x instanceof Date)) walk(x, file, sheet);
        }
      } else walk(v, file, sheet);
    }
  };
  walk(pack as unknown as Obj, undefined, undefined);
  pack.files = files.map((f) => shareString(f.relPath));
  return pack;
}
