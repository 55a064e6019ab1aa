/**
 * `validate` on a terminal, for the officer who checks the packs: the findings under each city (in the
 * official order) and, inside it, first what the city fixes in its own files, then each enterprise
 * by name. Under every finding the place to open and what to do. The last line says whether the
 * packs can be sent. Colour is the caller's decision (TTY, NO_COLOR).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../findings/finding.js';
import { renderFix, renderMessage, type Lang } from '../catalogue.js';
import { compareCityNames } from '../../data/zhejiang.js';
import { placeOf } from '../json.js';
import { waivedText } from '../decisionsReport.js';
import { word } from '../words.js';
import { findingOwner } from '../findingOwner.js';
import { countBySeverity } from './counts.js';

/** An applicant as the report names it: its folder id (what findings carry), city and enterprise name. */
export interface TextApplicant {
  id: string;
  city: string;
  name: string;
}

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** The applicants read, so that a finding is shown under its enterprise's name, not its folder. */
  applicants?: readonly TextApplicant[];
}

const TEXT = {
  zh: {
    input: '输入目录',
    cityOwn: '本市材料（由市经信局修改）',
    noCity: '未识别所在市',
    where: '位置',
    fix: '修改建议',
    colon: '：',
    fixErrors: '请修改以上错误后再报送',
    checkWarnings: '未发现错误；请核实以上警告后报送',
    clean: '未发现问题，可以报送',
  },
  en: {
    input: 'Input folder',
    cityOwn: 'The city’s own files (fixed by the city bureau)',
    noCity: 'City not recognised',
    where: 'Where',
    fix: 'Fix',
    colon: ': ',
    fixErrors: 'Fix the errors above before sending',
    checkWarnings: 'No errors; check the warnings above before sending',
    clean: 'No problems found: ready to send',
  },
} as const satisfies Record<Lang, Record<string, string>>;

const pinyin = new Intl.Collator('zh-CN');

function paint(c: ChalkInstance, s: Severity, text: string): string {
  return s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.cyan(text);
}

function worstOf(list: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of list) if (w === null || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w]) w = f.severity;
  return w;
}

/** Errors first, then warnings, then notes; otherwise in the order given (the evaluation's fixed order). */
function bySeverity(list: readonly Finding[]): Finding[] {
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[b.f.severity] - SEVERITY_ORDER[a.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

function findingLines(c: ChalkInstance, f: Finding, lang: Lang, indent: string): string[] {
  const t = TEXT[lang];
  const lines = [`${indent}${paint(c, f.severity, word(f.severity, lang))} ${c.dim(f.code)}  ${renderMessage(f, lang)}`];
  const where = placeOf(f.location, lang);
  if (where) lines.push(`${indent}  ${c.dim(t.where + t.colon)}${c.underline(where)}`);
  const fix = renderFix(f, lang);
  if (fix) lines.push(`${indent}  ${c.dim(t.fix + t.colon)}${fix}`);
  if (f.waived) lines.push(`${indent}  ${c.green(waivedText(f, lang))}`);
  return lines;
}

/** 「共 11 个错误，3 个警告，10 条提示」 with the words of words.ts; only the kinds that occur. */
function countLine(findings: readonly Finding[], lang: Lang): string {
  const n = countBySeverity(findings);
  const kinds: Severity[] = ['error', 'warning', 'info'];
  const parts = kinds
    .filter((s) => n[s] > 0)
    .map((s) => (lang === 'zh' ? `${n[s]} ${s === 'info' ? '条' : '个'}${word(s, lang)}` : `${n[s]} ${word(s, lang)}${n[s] === 1 ? '' : 's'}`));
  if (!parts.length) return '';
  return lang === 'zh' ? `共 ${parts.join('，')}` : parts.join(', ');
}

interface EnterpriseGroup {
  id: string;
  name: string;
  findings: Finding[];
}

interface CityGroup {
  city: string;
  own: Finding[];
  enterprises: Map<string, EnterpriseGroup>;
}

export function formatText(findings: readonly Finding[], opts: TextOptions): string {
  const { lang } = opts;
  const t = TEXT[lang];
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const known = new Map((opts.applicants ?? []).map((a) => [a.id, a]));

  const input: Finding[] = [];
  const cities = new Map<string, CityGroup>();
  const cityGroup = (city: string): CityGroup => {
    let g = cities.get(city);
    if (!g) cities.set(city, (g = { city, own: [], enterprises: new Map() }));
    return g;
  };
  for (const f of findings) {
    const owner = findingOwner(f);
    if (owner.kind === 'input') input.push(f);
    else if (owner.kind === 'city') cityGroup(owner.city).own.push(f);
    else {
      const a = known.get(owner.applicant);
      const g = cityGroup(a?.city ?? owner.city);
      let e = g.enterprises.get(owner.applicant);
      // Without the list, the folder's last part is the best name there is ('' is the input root itself).
      const name = a?.name || owner.applicant.split('/').at(-1) || owner.applicant;
      if (!e) g.enterprises.set(owner.applicant, (e = { id: owner.applicant, name, findings: [] }));
      e.findings.push(f);
    }
  }

  const out: string[] = [];
  if (input.length) {
    out.push(c.bold(t.input));
    for (const f of bySeverity(input)) out.push(...findingLines(c, f, lang, '  '));
    out.push('');
  }
  for (const g of [...cities.values()].sort((a, b) => compareCityNames(a.city, b.city))) {
    out.push(c.bold(g.city || t.noCity));
    if (g.own.length) {
      out.push(`  ${c.bold(t.cityOwn)}`);
      for (const f of bySeverity(g.own)) out.push(...findingLines(c, f, lang, '    '));
    }
    // Enterprises that must act first, then by name as a person looks one up.
    const enterprises = [...g.enterprises.values()].sort(
      (a, b) =>
        SEVERITY_ORDER[worstOf(b.findings) ?? 'info'] - SEVERITY_ORDER[worstOf(a.findings) ?? 'info'] ||
        pinyin.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const e of enterprises) {
      out.push(`  ${c.bold(e.name)}`);
      for (const f of bySeverity(e.findings)) out.push(...findingLines(c, f, lang, '    '));
    }
    out.push('');
  }

  // What was waived on review is listed above but leaves nothing to fix.
  const worst = worstOf(findings.filter((f) => f.waived === undefined));
  const count = countLine(findings, lang);
  if (count) out.push(worst ? paint(c, worst, count) : count);
  if (worst === 'error') out.push(c.red(t.fixErrors));
  else if (worst === 'warning') out.push(c.yellow(t.checkWarnings));
  else out.push(c.green(t.clean));
  return out.join('\n') + '\n';
}
