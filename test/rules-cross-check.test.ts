/**
 * A rules file is checked after its schema against what the tool knows: every finding code it names
 * exists, a code that rejects is an error once overrides are applied, every indicator and expert item
 * it names is known. A typo there would otherwise rank applicants who should be rejected, silently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_FILE, parseRules } from '../src/rules/load.js';
import { crossCheckRules, formatPath, type KnownCodes } from '../src/rules/crossCheck.js';
import { catalogue } from '../src/report/catalogue.js';
import { expertCodes } from '../src/expert/codes.js';
import { nearest, editDistance } from '../src/util/nearest.js';
import { UsageError } from '../src/util/errors.js';
import { yunshang } from './e2e-helpers.js';

const codes: KnownCodes = new Map([...catalogue].map(([code, e]) => [code, { severity: e.severity, panel: code in expertCodes }]));

let text: string;
beforeAll(async () => {
  text = await readFile(DEFAULT_RULES_FILE, 'utf8');
});

/** The shipped rules with a change made to their data. */
function edited(change: (data: Record<string, any>) => void): string {
  const data = JSON.parse(text);
  change(data);
  return JSON.stringify(data);
}

function problem(json: string): string {
  try {
    parseRules(json, 'rules.json', { codes });
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('the rules file was accepted');
}

describe('the rules file cross-check', () => {
  it('passes the shipped rules', () => {
    const rules = parseRules(text, 'zj-2021-batch1.json', { codes });
    expect(crossCheckRules(rules, codes)).toEqual([]);
  });

  it('refuses an unknown code in effects.reject, naming its path and the nearest known code', () => {
    const message = problem(edited((d) => d.effects.reject.push('A1_MISING')));
    expect(message).toContain('规则文件有误：rules.json');
    expect(message).toContain('effects.reject[4]: 没有问题代码「A1_MISING」，是否应为「A1_MISSING」？');
  });

  it('refuses an unknown code in severityOverrides, with a suggestion', () => {
    const message = problem(edited((d) => (d.severityOverrides = { DUPLICATE_ENTERPRSE: 'warning' })));
    expect(message).toContain('severityOverrides.DUPLICATE_ENTERPRSE: 没有问题代码「DUPLICATE_ENTERPRSE」，是否应为「DUPLICATE_ENTERPRISE」？');
  });

  it('refuses a reject code that is not an error, by default or after an override', () => {
    const warning = [...catalogue.values()].find((e) => e.severity === 'warning' && !(e.code in expertCodes))!;
    expect(problem(edited((d) => d.effects.reject.push(warning.code)))).toMatch(
      new RegExp(`effects\\.reject\\[4\\]: 「${warning.code}」的严重程度是 warning（默认），只有 error 才会使企业不予受理`),
    );
    expect(problem(edited((d) => (d.severityOverrides = { A2_MISSING: 'warning' })))).toMatch(
      /effects\.reject\[1\]: 「A2_MISSING」的严重程度是 warning（severityOverrides 所设）/,
    );
    // Raised to error by an override, the same code may reject.
    expect(() => parseRules(edited((d) => ((d.effects.reject.push(warning.code), (d.severityOverrides = { [warning.code]: 'error' })))), 'r.json', { codes })).not.toThrow();
  });

  it('refuses a code of the expert panel’s sheet in effects.reject: those never change an applicant’s status', () => {
    expect(problem(edited((d) => d.effects.reject.push('EXPERT_ROW_CONFLICT')))).toContain('「EXPERT_ROW_CONFLICT」是专家评分表的问题');
  });

  it('refuses an unknown indicator or expert item key with the nearest known one, and one named twice', () => {
    expect(problem(edited((d) => (d.indicators[0].key = 'infra.storag')))).toContain('indicators[0].key: 「infra.storag」不是可用的值，是否应为「infra.storage」？');
    expect(problem(edited((d) => (d.experts[1].key = 'expert.cloudnative')))).toContain('experts[1].key: 「expert.cloudnative」不是可用的值，是否应为「expert.cloudNative」？');
    expect(problem(edited((d) => (d.experts[1].key = d.experts[0].key)))).toContain('experts[1].key: expert item expert.xinchuang is listed twice');
    expect(problem(edited((d) => (d.severityOverrides = { A1_MISSING: 'eror' })))).toContain('severityOverrides.A1_MISSING: 「eror」不是可用的值，是否应为「error」？');
  });

  it('refuses an mSumOf naming an indicator this file does not score', () => {
    const message = problem(
      edited((d) => {
        const systems = d.indicators.find((i: { key: string }) => i.key === 'collaboration.systems');
        d.indicators = d.indicators.filter((i: { key: string }) => i.key !== 'business.other');
        d.dimensions.find((x: { key: string }) => x.key === 'business').weight -= 5;
        expect(systems.mSumOf).toContain('business.other');
      }),
    );
    expect(message).toMatch(/indicators\[\d+\]\.mSumOf\[\d\]: indicator business\.other is not among this file's indicators/);
  });

  it('spells paths as a person finds them in the file', () => {
    expect(formatPath(['effects', 'reject', 3])).toBe('effects.reject[3]');
    expect(formatPath(['units', '万元', '元'])).toBe('units["万元"]["元"]');
    expect(formatPath([])).toBe('(根)');
  });

  it('suggests by fewest edits, whatever the case', () => {
    expect(editDistance('A1_MISING', 'A1_MISSING')).toBe(1);
    expect(nearest('a1_missing', ['A2_MISSING', 'A1_MISSING'])).toBe('A1_MISSING');
    expect(nearest('x', [])).toBeUndefined();
  });
});

describe('yunshang with a rules file naming a code that does not exist', () => {
  it('exits 2 naming the path and the nearest code, before reading anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yunshang-rules-x-'));
    const file = join(dir, 'rules.json');
    await writeFile(file, edited((d) => (d.effects.reject[2] = 'ADRESS_OUTSIDE_ZJ')));
    for (const args of [
      ['score', 'fixtures/submissions/宁波市', '--no-pdf', '--out', join(dir, 'out')],
      ['validate', 'fixtures/submissions/宁波市'],
    ]) {
      const r = yunshang([...args, '--rules', file, '--quiet']);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr).toContain('effects.reject[2]: 没有问题代码「ADRESS_OUTSIDE_ZJ」，是否应为「ADDRESS_OUTSIDE_ZJ」？');
    }
  });
});
