/**
 * Attachment 1 fields as the checks use them, derived from the form's one description
 * (src/forms/layout.ts): each field's name for messages, which must be filled, which are amounts.
 */
import type { A1FieldKey, A1NumberKey } from '../../../model/records.js';
import { A1_FIELDS, type A1FieldSpec } from '../../../forms/layout.js';

export const A1_LABELS = Object.fromEntries(A1_FIELDS.map((f) => [f.key, f.name])) as Readonly<
  Record<A1FieldKey, { zh: string; en: string }>
>;

/** Every field but the optional ones (意见建议, marked optional by the notice, and the credit code, our extra). */
export const A1_REQUIRED: readonly A1FieldKey[] = A1_FIELDS.filter((f) => !f.labelOptional).map((f) => f.key);

/** Amounts and counts that cannot be below zero; profit can (a loss-making year is still a year). */
/** The layout's `kind: 'number'` and the record's `Cell<number | null>` describe the same fields. */
const isNumberField = (f: A1FieldSpec): f is A1FieldSpec & { key: A1NumberKey } => f.kind === 'number';

export const A1_NON_NEGATIVE: readonly A1NumberKey[] = A1_FIELDS.filter(isNumberField).filter((f) => !f.mayBeNegative).map((f) => f.key);

/** Counts that must be whole numbers (employees). */
export const A1_INTEGER: ReadonlySet<A1FieldKey> = new Set(A1_FIELDS.filter((f) => f.integer).map((f) => f.key));
