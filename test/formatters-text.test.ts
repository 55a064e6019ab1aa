import { describe, expect, it } from 'vitest';
import { formatText } from '../src/report/formatters/text.js';
import { formatJson } from '../src/report/formatters/json.js';
import { exitCodeFor } from '../src/report/exitCode.js';
import { resultsJson } from '../src/report/json.js';
import type { Finding } from '../src/findings/finding.js';
import { sampleResult, SAMPLE_UNVERIFIED } from './result-sample.js';

const ANSI = /\u001b\[/;

function allFindings(): Finding[] {
  const r = sampleResult();
  return [...r.findings, ...r.applicants.flatMap((a) => a.findings)];
}

describe('validate text output', () => {
  it('shows each finding with its place and ends with a count line, without colour codes', () => {
    const text = formatText(allFindings(), { lang: 'zh', color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain(`杭州市/${SAMPLE_UNVERIFIED}/附件2-用云水平评估表.xlsx · 用云水平评估表!E7`);
    expect(text.trimEnd().split('\n').at(-1)).toBe('共 3 个错误，2 个警告，2 条提示');
  });

  it('groups findings under their city and applicant, province-level first', () => {
    const text = formatText(allFindings(), { lang: 'zh', color: false });
    const lines = text.split('\n');
    const hz = lines.indexOf('杭州市');
    const wz = lines.indexOf('温州市');
    expect(hz).toBeGreaterThanOrEqual(0);
    expect(wz).toBeGreaterThan(hz);
    expect(lines[hz + 1]).toBe('  市级');
    expect(lines).toContain(`  杭州市/${SAMPLE_UNVERIFIED}`);
    // Errors before notes inside one applicant.
    const err = text.indexOf('N_GREATER_THAN_M');
    const note = text.indexOf('VALUE_UNIT_CONVERTED');
    expect(err).toBeLessThan(note);
  });

  it('groups by city alone when asked, naming the applicant of each finding', () => {
    const text = formatText(allFindings(), { lang: 'en', color: false, groupBy: 'city' });
    expect(text).not.toContain('  City level');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 errors, 2 warnings, 2 notes');
  });

  it('colours severities only when asked to', () => {
    expect(formatText(allFindings(), { lang: 'zh', color: true })).toMatch(ANSI);
  });

  it('says no problems were found for an empty list', () => {
    expect(formatText([], { lang: 'zh', color: false })).toBe('未发现问题\n');
  });
});

describe('validate json output', () => {
  it('prints the same finding objects as results.json', () => {
    const r = sampleResult();
    const fromResults = JSON.parse(resultsJson(r)).findings;
    const fromValidate = JSON.parse(formatJson(r.findings, 'zh'));
    expect(fromValidate.findings).toEqual(fromResults);
    expect(fromValidate.summary).toEqual({ errors: 1, warnings: 0, infos: 1 });
  });
});

describe('exit code', () => {
  const warning: Finding = { code: 'W', severity: 'warning', args: {} };
  const error: Finding = { code: 'E', severity: 'error', args: {} };
  const info: Finding = { code: 'I', severity: 'info', args: {} };

  it('is 1 with an error and 0 with only warnings when failing on errors', () => {
    expect(exitCodeFor([warning, error], 'error')).toBe(1);
    expect(exitCodeFor([warning, info], 'error')).toBe(0);
  });

  it('is 1 with a warning when failing on warnings, and 0 with only notes', () => {
    expect(exitCodeFor([warning], 'warning')).toBe(1);
    expect(exitCodeFor([info], 'warning')).toBe(0);
    expect(exitCodeFor([], 'warning')).toBe(0);
  });
});
