/** Attachment 1 (申报表): a label/value form, read by its labels, wherever the cells are. */
import type { A1FieldKey, A1Fields, A1Record } from '../../model/records.js';
import { A1_FIELDS, FORM_NAMES, type A1FieldSpec } from '../../forms/layout.js';
import { labelKey } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { valueRightOf } from './labels.js';
import { finding, readNumber, readPhone, readText, type FieldInfo, type ReadContext } from './values.js';

const KEYS = new Map<string, A1FieldSpec[]>();
for (const f of A1_FIELDS)
  for (const k of [f.label, ...(f.aliases ?? [])].map(labelKey)) KEYS.set(k, [...(KEYS.get(k) ?? []), f]);

// The notice's own form prints this hint inside the value cell; it is not part of the answer.
const CLOUD_EFFECT_HINT = /^\s*[（(]\s*用云成效能量化的请量化描述\s*[)）]\s*/;

export function readA1(ctx: ReadContext): A1Record {
  const { grid } = ctx;
  const labels = new Map<string, GridCell[]>();
  const isLabel = (cell: GridCell) => KEYS.has(labelKey(cell.text));
  for (const cell of grid.filled(2)) {
    const specs = KEYS.get(labelKey(cell.text));
    if (!specs) continue;
    for (const s of specs) {
      const same = labels.get(s.key);
      if (same) same.push(cell);
      else labels.set(s.key, [cell]);
    }
  }
  const at = new Map<A1FieldKey, GridCell>();
  for (const f of A1_FIELDS) {
    if (f.kind === 'phone') continue;
    const cell = labels.get(f.key)?.[0];
    if (cell) at.set(f.key, cell);
  }
  assignPhones(labels.get('legalPhone') ?? [], at);

  const fields: Partial<A1Fields> = {};
  for (const f of A1_FIELDS) {
    const label = at.get(f.key);
    if (!label) {
      if (!f.labelOptional)
        ctx.findings.push(finding('FORM_FIELD_LABEL_MISSING', { form: FORM_NAMES.a1, label: f.label }, grid.sheetLoc()));
      continue;
    }
    const cell = valueRightOf(grid, label, isLabel) ?? label;
    const info: FieldInfo = f.unit ? { field: f.label, unit: f.unit } : { field: f.label };
    if (f.kind === 'number') (fields as Record<string, unknown>)[f.key] = readNumber(ctx, cell, info);
    else if (f.kind === 'phone') (fields as Record<string, unknown>)[f.key] = readPhone(ctx, cell, info);
    else {
      const text = readText(ctx, cell, info);
      if (f.key === 'cloudEffect' && text.value !== null) text.value = text.value.replace(CLOUD_EFFECT_HINT, '') || null;
      (fields as Record<string, unknown>)[f.key] = text;
    }
  }
  return { file: grid.file, sheet: grid.sheet ?? '', fields };
}

/**
 * Two labels read 「联系电话」: the one beside 法人代表 is the legal representative's, the one beside
 * 信息化负责人 the IT lead's; otherwise the first is the legal representative's (the printed order).
 */
function assignPhones(phones: GridCell[], at: Map<A1FieldKey, GridCell>): void {
  const legalRow = at.get('legalRepresentative')?.row;
  const itRow = at.get('itLead')?.row;
  const rest: GridCell[] = [];
  for (const p of phones) {
    if (p.row === itRow && p.row !== legalRow && !at.has('itLeadPhone')) at.set('itLeadPhone', p);
    else if (p.row === legalRow && p.row !== itRow && !at.has('legalPhone')) at.set('legalPhone', p);
    else rest.push(p);
  }
  for (const p of rest) {
    if (!at.has('legalPhone')) at.set('legalPhone', p);
    else if (!at.has('itLeadPhone')) at.set('itLeadPhone', p);
  }
}
