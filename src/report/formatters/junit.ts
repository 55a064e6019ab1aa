/**
 * `validate --format junit` for CI: one <testsuite> per applicant and one for the findings that belong
 * to no applicant (province and city level). Each finding at or above `minSeverity` is a failed
 * <testcase>; an applicant without any is one passing testcase, so CI shows it was checked.
 */
import { SEVERITY_ORDER, type Finding, type Severity } from '../../findings/finding.js';
import { renderMessage, type Lang } from '../catalogue.js';
import { placeOf } from '../json.js';
import { word } from '../words.js';
import { compareCityNames } from '../../data/zhejiang.js';

export interface JunitApplicant {
  id: string;
  city: string;
  name: string;
}

export interface JunitOptions {
  /** Lowest severity reported as a failure; lower ones are left out. Default warning. */
  minSeverity?: Severity;
}

/** XML 1.0 text: the five entities, line breaks kept in attributes, forbidden characters dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
  );
}

interface Suite {
  name: string;
  classname: string;
  findings: Finding[];
}

const OTHER_SUITE: Record<Lang, string> = { zh: '全省及各市', en: 'Province and cities' };
const PASSED: Record<Lang, string> = { zh: '未发现问题', en: 'no problems found' };

function testcase(f: Finding, classname: string, lang: Lang): string {
  const message = renderMessage(f, lang);
  const place = placeOf(f.location, lang);
  const name = place ? `${f.code} ${place}` : f.code;
  const body = [`${word(f.severity, lang)} ${f.code}`, message, place].filter(Boolean).join('\n');
  return (
    `    <testcase name="${xmlEscape(name)}" classname="${xmlEscape(classname)}">\n` +
    `      <failure message="${xmlEscape(message)}" type="${xmlEscape(f.code)}">${xmlEscape(body)}</failure>\n` +
    `    </testcase>\n`
  );
}

function suiteXml(s: Suite, lang: Lang): { xml: string; tests: number; failures: number } {
  const cases = s.findings.length
    ? s.findings.map((f) => testcase(f, s.classname, lang)).join('')
    : `    <testcase name="${xmlEscape(PASSED[lang])}" classname="${xmlEscape(s.classname)}"/>\n`;
  const tests = Math.max(1, s.findings.length);
  const failures = s.findings.length;
  const xml =
    `  <testsuite name="${xmlEscape(s.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n` +
    cases +
    `  </testsuite>\n`;
  return { xml, tests, failures };
}

export function formatJunit(
  findings: readonly Finding[],
  applicants: readonly JunitApplicant[],
  lang: Lang,
  opts: JunitOptions = {},
): string {
  const floor = SEVERITY_ORDER[opts.minSeverity ?? 'warning'];
  // A finding waived on review (人工复核) fails nothing, as it sets no exit code.
  const reported = findings.filter((f) => f.waived === undefined && SEVERITY_ORDER[f.severity] >= floor);
  const suites: Suite[] = [{ name: OTHER_SUITE[lang], classname: 'province', findings: [] }];
  const byId = new Map<string, Suite>();
  // Applicants grouped by city in the official order (the order within a city is the caller's).
  const inCityOrder = [...applicants].sort((x, y) => compareCityNames(x.city, y.city));
  for (const a of inCityOrder) {
    const s: Suite = { name: `${a.city} · ${a.name}`, classname: a.id, findings: [] };
    byId.set(a.id, s);
    suites.push(s);
  }
  for (const f of reported) {
    if (f.applicant === undefined) {
      suites[0]!.findings.push(f);
      continue;
    }
    let s = byId.get(f.applicant);
    // A finding about an applicant the list does not know still gets reported, never dropped.
    if (!s) {
      s = { name: f.applicant, classname: f.applicant, findings: [] };
      byId.set(f.applicant, s);
      suites.push(s);
    }
    s.findings.push(f);
  }
  const parts = suites.map((s) => suiteXml(s, lang));
  const tests = parts.reduce((n, p) => n + p.tests, 0);
  const failures = parts.reduce((n, p) => n + p.failures, 0);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="yunshang validate" tests="${tests}" failures="${failures}" errors="0">\n` +
    parts.map((p) => p.xml).join('') +
    `</testsuites>\n`
  );
}
