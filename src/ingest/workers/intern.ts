/**
 * A pack cloned from a reading thread arrives with its own copy of every string: the same file path
 * and sheet name once per cell, hundreds of times per applicant. Sharing one copy of each keeps a
 * province's packs several times smaller in the main thread, where all of them live until scored.
 */
const PLACE_KEYS = new Set(['file', 'sheet', 'path', 'city', 'applicant', 'relPath', 'code']);

export function internPlaces<T>(value: T, table: Map<string, string>): T {
  walk(value, table);
  return value;
}

function walk(value: unknown, table: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') walk(v, table);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (typeof v === 'string') {
      if (!PLACE_KEYS.has(key)) continue;
      const shared = table.get(v);
      if (shared === undefined) table.set(v, v);
      else obj[key] = shared;
    } else if (v !== null && typeof v === 'object') walk(v, table);
  }
}
