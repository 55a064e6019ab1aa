import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../src/report/formatters/junit.js';
import { escapeData, escapeProperty, formatGithub } from '../src/report/formatters/github.js';
import { renderMessage } from '../src/report/catalogue.js';
import type { Finding } from '../src/findings/finding.js';
import { sampleResult, SAMPLE_FLAGGED, SAMPLE_HOSTILE, SAMPLE_UNVERIFIED } from './result-sample.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** A strict XML parse (throws on any well-formedness error) into a small tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#root', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: Element = { name: t.name, attributes: t.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

function sampleInputs() {
  const r = sampleResult();
  const findings: Finding[] = [...r.findings, ...r.applicants.flatMap((a) => a.findings)];
  const applicants = r.applicants.map((a) => ({ id: a.id, city: a.city, name: a.name }));
  return { r, findings, applicants };
}

describe('junit output', () => {
  it('is well-formed XML with one suite per applicant plus one for province and city findings', () => {
    const { findings, applicants } = sampleInputs();
    const doc = parseXml(formatJunit(findings, applicants, 'zh'));
    expect(doc.name).toBe('testsuites');
    expect(doc.children).toHaveLength(applicants.length + 1);
    expect(doc.children[0]!.attributes.name).toBe('全省及各市');
  });

  it('counts tests and failures: warnings and errors fail, notes are left out, clean applicants pass once', () => {
    const { findings, applicants } = sampleInputs();
    const doc = parseXml(formatJunit(findings, applicants, 'zh'));
    const failing = findings.filter((f) => f.severity !== 'info');
    let tests = 0;
    let failures = 0;
    for (const suite of doc.children) {
      const cases = suite.children.filter((c) => c.name === 'testcase');
      const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(failed.length);
      tests += cases.length;
      failures += failed.length;
    }
    expect(failures).toBe(failing.length);
    expect(Number(doc.attributes.failures)).toBe(failing.length);
    expect(Number(doc.attributes.tests)).toBe(tests);
    const flagged = doc.children.find((s) => s.attributes.name === `宁波市 · ${SAMPLE_FLAGGED}`)!;
    expect(flagged.children).toHaveLength(2);
    const clean = doc.children.find((s) => s.attributes.name === `杭州市 · ${SAMPLE_HOSTILE}`)!;
    expect(clean.attributes).toMatchObject({ tests: '1', failures: '0' });
  });

  it('puts the code in the failure type and the message and place in its body', () => {
    const { r, findings, applicants } = sampleInputs();
    const doc = parseXml(formatJunit(findings, applicants, 'zh', { minSeverity: 'error' }));
    const a = r.applicants.find((x) => x.name === SAMPLE_UNVERIFIED)!;
    const suite = doc.children.find((s) => s.attributes.name === `杭州市 · ${SAMPLE_UNVERIFIED}`)!;
    expect(suite.children).toHaveLength(1);
    const failure = suite.children[0]!.children[0]!;
    expect(failure.attributes.type).toBe('N_GREATER_THAN_M');
    expect(failure.attributes.message).toBe(renderMessage(a.findings[0]!, 'zh'));
    expect(failure.text).toContain('用云水平评估表!E7');
    expect(suite.children[0]!.attributes.classname).toBe(a.id);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const hostile: Finding = {
      code: 'X_TEST',
      severity: 'error',
      args: {},
      applicant: 'a/<b>&"c"',
      location: { file: 'a/<b>&"c"/附件1.xlsx', sheet: "it's\u0001", cell: 'A1' },
    };
    const doc = parseXml(formatJunit([hostile], [{ id: 'a/<b>&"c"', city: '杭州市', name: '<b>&"c"' }], 'en'));
    const suite = doc.children[1]!;
    expect(suite.attributes.name).toBe('杭州市 · <b>&"c"');
    expect(suite.children[0]!.children[0]!.text).toContain(`a/<b>&"c"/附件1.xlsx · it's!A1`);
  });
});

describe('github output', () => {
  it('writes one workflow command per finding with file, line and code as title', () => {
    const { findings } = sampleInputs();
    const lines = formatGithub(findings, 'zh').trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    const f = findings.find((x) => x.code === 'N_GREATER_THAN_M')!;
    const line = lines.find((l) => l.includes('title=N_GREATER_THAN_M'))!;
    expect(line).toBe(
      `::error file=${escapeProperty(f.location!.file!)},line=7,title=N_GREATER_THAN_M::${escapeData(renderMessage(f, 'zh'))}（用云水平评估表!E7）`,
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(2);
  });

  it('escapes % CR LF everywhere and : , in properties', () => {
    expect(escapeData('100%\r\nok')).toBe('100%25%0D%0Aok');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const f: Finding = { code: 'X', severity: 'warning', args: {}, location: { file: 'd,1/x:y.xlsx' } };
    expect(formatGithub([f], 'en', { root: 'fixtures/sub' })).toBe('::warning file=fixtures/sub/d%2C1/x%3Ay.xlsx,title=X::X {}\n');
  });
});
