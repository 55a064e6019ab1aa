/**
 * Every finding code the tool can report, with its severity and zh/en texts: the check registry's
 * codes plus those reported while reading files and forms, scoring and merging expert scores.
 */
import type { CodeMeta, Finding } from '../findings/finding.js';
import { checks, type CheckCode } from '../validate/registry.js';
import { formCodes } from '../ingest/forms/codes.js';
import { fileCodes } from '../ingest/files/codes.js';
import { expertCodes } from '../expert/codes.js';
import { scoreCodes } from '../score/codes.js';
import { packCodes } from '../ingest/codes.js';
import { decisionCodes } from '../decisions/codes.js';
import { formatLocation } from '../model/location.js';
import { peopleNumbers } from './peopleNumbers.js';

/** Every code the tool can report; a code typed in a comparison is checked against this list. */
export type FindingCode =
  | CheckCode
  | keyof typeof fileCodes
  | keyof typeof packCodes
  | keyof typeof formCodes
  | keyof typeof expertCodes
  | keyof typeof scoreCodes
  | keyof typeof decisionCodes;

export interface CatalogueEntry extends CodeMeta {
  code: FindingCode;
  /** Which part of the tool reports it: a check id, or ingest/expert/score. */
  source: string;
}

function build(): Map<string, CatalogueEntry> {
  const m = new Map<string, CatalogueEntry>();
  const add = (source: string, table: Partial<Record<FindingCode, CodeMeta>>) => {
    for (const [code, meta] of Object.entries(table) as [FindingCode, CodeMeta][]) {
      if (m.has(code)) throw new Error(`finding code ${code} is defined twice (${m.get(code)!.source}, ${source})`);
      m.set(code, { code, source, ...meta });
    }
  };
  add('ingest/files', fileCodes);
  add('ingest/pack', packCodes);
  add('ingest/forms', formCodes);
  for (const c of checks) add(`check/${c.id}`, c.codes);
  add('expert', expertCodes);
  add('score', scoreCodes);
  add('decisions', decisionCodes);
  return m;
}

export const catalogue: ReadonlyMap<string, CatalogueEntry> = build();

export type { Lang } from '../model/lang.js';
import type { Lang } from '../model/lang.js';

/** Numbers are shown rounded for people (0.49, not 0.48828125); the finding keeps the exact value. */
function fill(template: string, args: Record<string, string | number>): string {
  const numbers = peopleNumbers(Object.values(args).filter((v): v is number => typeof v === 'number'));
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => {
    if (!(k in args)) return whole;
    const v = args[k]!;
    return typeof v === 'number' ? (numbers.get(v) ?? String(v)) : v;
  });
}

/** The finding's message in the language asked for. */
export function renderMessage(f: Finding, lang: Lang): string {
  const e = catalogue.get(f.code);
  if (!e) return `${f.code} ${JSON.stringify(f.args)}`;
  return fill(lang === 'zh' ? e.zh : e.en, f.args);
}

/** How to fix it, in the language asked for. */
export function renderFix(f: Finding, lang: Lang): string {
  const e = catalogue.get(f.code);
  if (!e) return '';
  return fill(lang === 'zh' ? e.fixZh : e.fixEn, f.args);
}

/** The message with its place: `附件2.xlsx · 用云水平评估表!E7: N 大于 M …`. */
export function renderWithLocation(f: Finding, lang: Lang): string {
  const where = formatLocation(f.location);
  return where ? `${where}：${renderMessage(f, lang)}` : renderMessage(f, lang);
}
