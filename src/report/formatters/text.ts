/**
 * `validate` on a terminal: findings grouped by city and applicant, each with the place a person opens
 * (`file · sheet!cell`), and a count line at the end. Colour is the caller's decision (TTY, NO_COLOR).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../findings/finding.js';
import { renderMessage, type Lang } from '../catalogue.js';
import { placeOf } from '../json.js';
import { countLine, SEVERITY_WORD } from './counts.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** `applicant` (default): city, then applicant inside it; `city`: one list per city. */
  groupBy?: 'city' | 'applicant';
}

const PROVINCE: Record<Lang, string> = { zh: '全省', en: 'Province' };
const CITY_LEVEL: Record<Lang, string> = { zh: '市级', en: 'City level' };

function paint(c: ChalkInstance, s: Severity, text: string): string {
  return s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.cyan(text);
}

/** Groups in order of first appearance, so the listing follows the input. */
function groupOf<K>(items: readonly Finding[], key: (f: Finding) => K): Map<K, Finding[]> {
  const m = new Map<K, Finding[]>();
  for (const f of items) {
    const k = key(f);
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return m;
}

function bySeverity(list: readonly Finding[]): Finding[] {
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[b.f.severity] - SEVERITY_ORDER[a.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

function findingLines(c: ChalkInstance, f: Finding, lang: Lang, indent: string, withApplicant: boolean): string[] {
  const head = `${indent}${paint(c, f.severity, SEVERITY_WORD[lang][f.severity])} ${c.dim(f.code)}  ${renderMessage(f, lang)}`;
  const where = placeOf(f.location, lang) || (withApplicant ? f.applicant ?? '' : '');
  const lines = [head];
  if (withApplicant && f.applicant && where !== f.applicant && !where.startsWith(f.applicant + '/')) lines.push(`${indent}  ${c.dim(f.applicant)}`);
  if (where) lines.push(`${indent}  ${c.underline(where)}`);
  return lines;
}

export function formatText(findings: readonly Finding[], opts: TextOptions): string {
  const { lang } = opts;
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const byCity = groupOf(findings, (f) => f.city ?? '');
  // Province-level findings (no city) first, then cities in input order.
  const cities = [...byCity.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  for (const city of cities) {
    const list = byCity.get(city)!;
    out.push(c.bold(city || PROVINCE[lang]));
    if (opts.groupBy === 'city') {
      for (const f of bySeverity(list)) out.push(...findingLines(c, f, lang, '  ', true));
    } else {
      const byApplicant = groupOf(list, (f) => f.applicant ?? '');
      const keys = [...byApplicant.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
      for (const applicant of keys) {
        out.push(`  ${c.bold(applicant || (city ? CITY_LEVEL[lang] : PROVINCE[lang]))}`);
        for (const f of bySeverity(byApplicant.get(applicant)!)) out.push(...findingLines(c, f, lang, '    ', false));
      }
    }
    out.push('');
  }
  const worst = findings.reduce<Severity | null>((w, f) => (w === null || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w] ? f.severity : w), null);
  const count = countLine(findings, lang);
  out.push(worst ? paint(c, worst, count) : c.green(count));
  return out.join('\n') + '\n';
}
