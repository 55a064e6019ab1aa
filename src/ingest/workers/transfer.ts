/**
 * A pack on its way from a reading thread to the main thread. Structured cloning copies every string
 * and object: a pack's ~200 cell locations each carry the workbook's path and the sheet's name again,
 * and the main thread (which holds every pack of the province until scoring) pays for each copy in
 * cloning, memory and garbage collection while the reading threads need the cores. So:
 * - `packForPosting` (reading thread) turns each cell location that only repeats its form's own file
 *   and sheet into the bare cell address;
 * - `packFromPost` (main thread) gives each such address its file and sheet back, and makes every
 *   place string (paths, sheet names, codes) one shared copy across the province.
 * The pack that comes out is equal to the one that went in, key order and shared objects included
 * (test/workers-pool.test.ts compares them with in-process reading).
 */
import type { ApplicantPack } from '../../model/records.js';

/** Keys whose string values name places and repeat across cells, findings and packs. */
const PLACE_KEYS = new Set(['file', 'sheet', 'path', 'city', 'applicant', 'relPath', 'code']);

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

/**
 * Cell locations reachable more than once (a finding pointing at a cell's own location object): those
 * are left as they are, so they arrive as one shared object. Only objects with a string `cell` are
 * tracked, whatever key reaches them; the rest of the pack is just walked.
 */
function sharedCellLocations(root: Obj): Set<object> {
  const seen = new Set<object>();
  const shared = new Set<object>();
  const visit = (v: Obj): void => {
    if (typeof v.cell === 'string') {
      if (seen.has(v)) {
        shared.add(v);
        return;
      }
      seen.add(v);
    }
    if (Array.isArray(v)) {
      for (const x of v) if (isObject(x)) visit(x);
    } else
      for (const k in v) {
        const x = v[k];
        if (isObject(x)) visit(x);
      }
  };
  visit(root);
  return shared;
}

/** A location exactly as Grid.loc makes it, in the form whose file and sheet it repeats. */
function isPlainCellLoc(v: unknown, file: string, sheet: string): v is { file: string; cell: string; sheet: string } {
  if (!isObject(v) || v.file !== file || v.sheet !== sheet || typeof v.cell !== 'string') return false;
  const keys = Object.keys(v);
  return keys.length === 3 && keys[0] === 'file' && keys[1] === 'cell' && keys[2] === 'sheet';
}

/** Compacts `pack` in place (the reading thread drops it once posted) and returns it. */
export function packForPosting(pack: ApplicantPack): ApplicantPack {
  const shared = sharedCellLocations(pack as unknown as Obj);
  const walk = (obj: Obj, file: string | undefined, sheet: string | undefined): void => {
    if (typeof obj.file === 'string' && typeof obj.sheet === 'string') {
      file = obj.file;
      sheet = obj.sheet;
    }
    for (const k in obj) {
      const v = obj[k];
      if (!isObject(v) || v instanceof Date) continue;
      if (k === 'loc' && file !== undefined && sheet !== undefined && !shared.has(v) && isPlainCellLoc(v, file, sheet)) obj[k] = v.cell;
      else if (Array.isArray(v)) {
        for (const x of v) if (isObject(x) && !(x instanceof Date)) walk(x, file, sheet);
      } else walk(v, file, sheet);
    }
  };
  walk(pack as unknown as Obj, undefined, undefined);
  return pack;
}

/**
 * Restores a posted pack in place: cell addresses become locations again (a new object each, as
 * Grid.loc made them), and place strings are swapped for the copy in `strings`, shared by every pack.
 */
export function packFromPost(pack: ApplicantPack, strings: Map<string, string>): ApplicantPack {
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
  return pack;
}
