import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_FILE, loadRules, parseRules } from '../src/rules/load.js';
import { UsageError } from '../src/util/errors.js';
import { INDICATOR_KEYS } from '../src/model/indicators.js';
import { yunshang } from './e2e-helpers.js';

describe('the rules file zj-2021-batch1', () => {
  it('holds the notice’s fifteen indicators worth 5 each (75) and six expert items worth 25', async () => {
    const rules = await loadRules();
    expect(rules.id).toBe('zj-2021-batch1');
    expect(rules.indicators.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    expect(rules.indicators.reduce((s, i) => s + i.weight, 0)).toBe(75);
    expect(rules.experts.reduce((s, e) => s + e.max, 0)).toBe(25);
    // Dimension weights as printed in 附件2: 基础设施 20, 云上业务 25, 云上管理 15, 协同 10, 上云投入 5.
    for (const d of rules.dimensions)
      expect(rules.indicators.filter((i) => i.dimension === d.key).reduce((s, i) => s + i.weight, 0)).toBe(d.weight);
    expect(rules.server).toEqual({ coresPerUnit: 4, memoryGbPerUnit: 16 });
    expect(rules.horizontal.bands.map((b) => [b.grade, b.share, b.factor])).toEqual([
      ['A', 0.1, 1],
      ['B', 0.4, 0.8],
      ['C', 0.9, 0.6],
      ['D', 1, 0.4],
    ]);
  });

  it('names each problem of a broken rules file by its path', async () => {
    const data = JSON.parse(await readFile(DEFAULT_RULES_FILE, 'utf8'));
    const shape = structuredClone(data);
    delete shape.server;
    expect(() => parseRules(JSON.stringify(shape), 'broken.json')).toThrow(/broken\.json[\s\S]*server/);
    // Once the shape holds, the semantic rules: each the statement that should hold.
    data.indicators[0].dimension = 'nowhere';
    data.horizontal.bands[3].share = 0.95;
    expect(() => parseRules(JSON.stringify(data), 'semantic.json')).toThrow(UsageError);
    expect(() => parseRules(JSON.stringify(data), 'semantic.json')).toThrow(/unknown dimension nowhere[\s\S]*the last band must have share 1/);
    expect(() => parseRules('{ not json', 'x.json')).toThrow(/不是有效的 JSON/);
  });

  it('gives the indicators their roles as data: 附件1 twins, the cloud investment, per-employee outliers', async () => {
    const rules = await loadRules();
    const roles = rules.indicators.flatMap((i) => [
      ...(i.a1 ? [`${i.key} a1 ${i.a1.n}/${i.a1.m}`] : []),
      ...(i.cloudInvestment ? [`${i.key} cloudInvestment`] : []),
      ...(i.perEmployeeOutlier ? [`${i.key} perEmployeeOutlier`] : []),
    ]);
    expect(roles).toEqual([
      'infra.storage perEmployeeOutlier',
      'management.devices perEmployeeOutlier',
      'investment.cloud a1 cloudInvestment3y/itInvestment3y',
      'investment.cloud cloudInvestment',
    ]);
    const data = JSON.parse(await readFile(DEFAULT_RULES_FILE, 'utf8'));
    data.indicators[0].cloudInvestment = true;
    expect(() => parseRules(JSON.stringify(data), 'two.json')).toThrow(/only one indicator can be the cloud investment/);
    data.indicators[0].cloudInvestment = undefined;
    data.indicators[0].a1 = { n: 'enterpriseName', m: 'itInvestment3y' };
    expect(() => parseRules(JSON.stringify(data), 'text.json')).toThrow(/a1/);
  });
});

describe('score --rules FILE', () => {
  it('scores with another batch’s combination weights without a code change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yunshang-rules-'));
    const data = JSON.parse(await readFile(DEFAULT_RULES_FILE, 'utf8'));
    data.id = 'test-self-only';
    data.combination = { self: 1, horizontal: 0 };
    const file = join(dir, 'rules.json');
    await writeFile(file, JSON.stringify(data));
    const applicant = 'fixtures/submissions/杭州市/杭州达辰化纤股份有限公司';
    const r = yunshang(['score', applicant, '--rules', file, '--no-pdf', '--format', 'json', '--out', join(dir, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.rules.id).toBe('test-self-only');
    const a = result.applicants[0];
    // With the horizontal weight 0 every indicator score is its self-score, so the total is the self total.
    for (const ind of Object.values(a.indicators) as { selfScore: number; score: number }[]) expect(ind.score).toBe(ind.selfScore);
    expect(a.total).toBe(a.selfTotal);
  });

  it('exits 2 with the rules file’s problem on a broken file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yunshang-rules-'));
    await writeFile(join(dir, 'bad.json'), '{"id": 1}');
    const r = yunshang(['score', 'fixtures/submissions', '--rules', join(dir, 'bad.json'), '--no-pdf', '--out', join(dir, 'o')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('规则文件有误');
  });
});
