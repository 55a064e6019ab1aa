import { describe, expect, it } from 'vitest';
import { formatText, type TextApplicant } from '../src/report/formatters/text.js';
import { formatJson } from '../src/report/formatters/json.js';
import { exitCodeFor } from '../src/report/exitCode.js';
import { resultsJson } from '../src/report/json.js';
import { renderFix } from '../src/report/catalogue.js';
import type { Finding } from '../src/findings/finding.js';
import { sampleResult } from './result-sample.js';

const ANSI = /\u001b\[/;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** What a lone applicant folder gives: the applicant id is '' (the input root), its city from the parent folder. */
const TZ = '台州辰立五金工具有限公司';
const lone: TextApplicant[] = [{ id: '', city: '台州市', name: TZ }];
const loneFindings: Finding[] = [
  { code: 'INPUT_KIND_DETECTED', severity: 'info', args: { kindZh: '单个企业文件夹', kindEn: 'one applicant', cities: 1, applicants: 1 } },
  {
    code: 'VALUE_NOT_NUMBER',
    severity: 'error',
    args: { field: '生产 M', unit: '个', raw: '约二十' },
    location: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'F9' },
    applicant: '',
    city: '台州市',
    indicator: 'business.production',
  },
  {
    code: 'VALUE_UNIT_CONVERTED',
    severity: 'info',
    args: { field: '云存储 N', raw: '500GB', value: 0.48828125, unit: 'TB' },
    location: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'D3' },
    applicant: '',
    city: '台州市',
  },
];

/** A city folder: applicant ids are the enterprise folders; the city's own file sits at the root. */
const city: TextApplicant[] = [
  { id: '杭州恒昇纺织有限公司', city: '杭州市', name: '杭州恒昇纺织有限公司' },
  { id: '杭州达辰化纤', city: '杭州市', name: '杭州达辰化纤股份有限公司' },
];
const cityFindings: Finding[] = [
  { code: 'INPUT_KIND_DETECTED', severity: 'info', args: { kindZh: '城市文件夹', kindEn: 'one city', cities: 1, applicants: 2 } },
  {
    code: 'A3_ROW_WITHOUT_PACK',
    severity: 'error',
    args: { name: '杭州星安纺织有限公司' },
    location: { file: '附件3-推荐排序表.xlsx', sheet: '推荐排序表', cell: 'C8' },
    city: '杭州市',
  },
  {
    code: 'PACK_WITHOUT_A3_ROW',
    severity: 'error',
    args: { name: '杭州达辰化纤股份有限公司' },
    location: { file: '附件3-推荐排序表.xlsx', sheet: '推荐排序表' },
    applicant: '杭州达辰化纤',
    city: '杭州市',
  },
  {
    code: 'VALUE_UNIT_CONVERTED',
    severity: 'info',
    args: { field: '云存储 N', raw: '500GB', value: 0.48828125, unit: 'TB' },
    location: { file: '杭州恒昇纺织有限公司/附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'D3' },
    applicant: '杭州恒昇纺织有限公司',
    city: '杭州市',
  },
];

/** A province: findings of 嘉兴 and 湖州 given in code-point order, which is not the official one (湖州 before 嘉兴). */
const province: TextApplicant[] = [
  { id: '嘉兴市/嘉兴弘海生物医药有限公司', city: '嘉兴市', name: '嘉兴弘海生物医药有限公司' },
  { id: '湖州市/湖州瑞正电子科技有限公司', city: '湖州市', name: '湖州瑞正电子科技有限公司' },
  { id: '杭州市/杭州恒昇纺织有限公司', city: '杭州市', name: '杭州恒昇纺织有限公司' },
];
const provinceFindings: Finding[] = [
  { code: 'INPUT_KIND_DETECTED', severity: 'info', args: { kindZh: '省级汇总目录', kindEn: 'the province root', cities: 3, applicants: 3 } },
  { code: 'A2_MISSING', severity: 'error', args: {}, location: { file: '嘉兴市/嘉兴弘海生物医药有限公司' }, applicant: '嘉兴市/嘉兴弘海生物医药有限公司', city: '嘉兴市' },
  {
    code: 'SYSTEM_COUNT_MISMATCH',
    severity: 'error',
    args: { indicator: '研发', indicatorEn: 'R&D systems', listed: 2, declared: 3 },
    location: { file: '湖州市/湖州瑞正电子科技有限公司/附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'D8' },
    applicant: '湖州市/湖州瑞正电子科技有限公司',
    city: '湖州市',
  },
  {
    code: 'OUTLIER_VALUE',
    severity: 'info',
    args: { indicator: '云存储', indicatorEn: 'Cloud storage', n: 0.48828125, median: 190.4218, direction: '低于', directionEn: 'below', scope: '全省', scopeEn: 'in the province', times: 390, z: -5.0987, threshold: 3.5 },
    location: { file: '杭州市/杭州恒昇纺织有限公司/附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'D3' },
    applicant: '杭州市/杭州恒昇纺织有限公司',
    city: '杭州市',
  },
];

const lines = (text: string) => text.split('\n');

describe('validate text output: headings', () => {
  it('shows one applicant’s findings under its own name inside its city, never 全省 or 市级', () => {
    const text = formatText(loneFindings, { lang: 'zh', color: false, applicants: lone });
    const l = lines(text);
    expect(text).not.toMatch(/全省|市级/);
    expect(l.filter((x) => /^\S/.test(x)).slice(0, 2)).toEqual(['输入目录', '台州市']);
    expect(l[l.indexOf('台州市') + 1]).toBe(`  ${TZ}`);
    expect(l).toContain('    错误 VALUE_NOT_NUMBER  「生产 M」应为数字（单位：个），但填写的是「约二十」');
    expect(l).toContain('      位置：附件2-用云水平评估表.xlsx · 用云水平评估表!F9');
  });

  it('shows a city: the city’s own files first (also a finding that names an enterprise but is the city’s row to add), then each enterprise', () => {
    const text = formatText(cityFindings, { lang: 'zh', color: false, applicants: city });
    const l = lines(text);
    expect(text).not.toMatch(/全省/);
    const hz = l.indexOf('杭州市');
    expect(l[hz + 1]).toBe('  本市材料（由市经信局修改）');
    const own = text.slice(text.indexOf('本市材料'), text.indexOf('  杭州恒昇纺织有限公司'));
    expect(own).toContain('A3_ROW_WITHOUT_PACK');
    expect(own).toContain('PACK_WITHOUT_A3_ROW');
    // 达辰 has nothing of its own to fix, so it gets no heading.
    expect(l).not.toContain('  杭州达辰化纤股份有限公司');
    expect(l).toContain('  杭州恒昇纺织有限公司');
  });

  it('shows a province with input-level findings first and cities in the official order (湖州 before 嘉兴)', () => {
    const text = formatText(provinceFindings, { lang: 'zh', color: false, applicants: province });
    const headings = lines(text).filter((x) => /^\S/.test(x) && !x.startsWith('共') && !x.startsWith('请'));
    expect(headings).toEqual(['输入目录', '杭州市', '湖州市', '嘉兴市']);
    expect(lines(text)).toContain('  湖州瑞正电子科技有限公司');
    expect(lines(text)).toContain('  嘉兴弘海生物医药有限公司');
  });
});

describe('validate text output: what the officer reads', () => {
  it('prints the fix under every finding', () => {
    const text = formatText(provinceFindings, { lang: 'zh', color: false, applicants: province });
    for (const f of provinceFindings) expect(text).toContain(`修改建议：${renderFix(f, 'zh')}`);
  });

  it('rounds numbers for people (0.49 TB), keeping the exact value in the finding', () => {
    const text = formatText(loneFindings, { lang: 'zh', color: false, applicants: lone });
    expect(text).toContain('已按TB换算为 0.49');
    expect(text).not.toContain('0.48828125');
    expect(loneFindings[2]!.args.value).toBe(0.48828125);
    expect(JSON.parse(formatJson(loneFindings, 'zh')).findings[2].args.value).toBe(0.48828125);
  });

  it('says what an outlier means in plain words, not a z-score', () => {
    const text = formatText(provinceFindings, { lang: 'zh', color: false, applicants: province });
    expect(text).toContain('云存储的 N（0.49）明显低于全省同类企业（中位数 190.42，相差约 390 倍），请核实');
    expect(text).not.toMatch(/z 值|稳健/);
  });

  it('ends with what to do: fix the errors, check the warnings, or 未发现问题，可以报送', () => {
    expect(lines(formatText(loneFindings, { lang: 'zh', color: false, applicants: lone })).slice(-3)).toEqual(['共 1 个错误，2 条提示', '请修改以上错误后再报送', '']);
    const warning: Finding = { code: 'PHONE_INVALID', severity: 'warning', args: { field: '联系电话', fieldEn: 'Phone', value: '123' }, applicant: '', city: '台州市' };
    expect(lines(formatText([warning], { lang: 'zh', color: false, applicants: lone })).slice(-2)[0]).toBe('未发现错误；请核实以上警告后报送');
    const clean = formatText([loneFindings[0]!], { lang: 'zh', color: false, applicants: lone });
    expect(lines(clean).slice(-3)).toEqual(['共 1 条提示', '未发现问题，可以报送', '']);
    expect(formatText([], { lang: 'zh', color: false })).toBe('未发现问题，可以报送\n');
  });

  it('is English throughout with --lang en (only names, files and what was typed stay as written)', () => {
    const en: Finding[] = [
      { code: 'N_GREATER_THAN_M', severity: 'error', args: { n: 12, m: 10, indicator: '云存储', indicatorEn: 'Cloud storage' }, location: { file: 'acme/a2.xlsx', sheet: 'A2', cell: 'E7' }, applicant: 'acme', city: 'Hangzhou' },
      { code: 'PHONE_INVALID', severity: 'warning', args: { field: '联系电话', fieldEn: 'Phone', value: '123' }, location: { file: 'acme/a1.xlsx', sheet: 'A1', cell: 'B6' }, applicant: 'acme', city: 'Hangzhou' },
    ];
    const text = formatText(en, { lang: 'en', color: false, applicants: [{ id: 'acme', city: 'Hangzhou', name: 'Acme Ltd' }] });
    expect(text).not.toMatch(CJK);
    expect(text).toContain('Fix: Check "Cloud storage"');
    expect(lines(text).slice(-3)).toEqual(['1 error, 1 warning', 'Fix the errors above before sending', '']);
    expect(formatText([], { lang: 'en', color: false })).toBe('No problems found: ready to send\n');
  });

  it('colours severities only when asked to', () => {
    expect(formatText(provinceFindings, { lang: 'zh', color: false, applicants: province })).not.toMatch(ANSI);
    expect(formatText(provinceFindings, { lang: 'zh', color: true, applicants: province })).toMatch(ANSI);
  });

  it('without the applicant list, still names an applicant by its folder, never 市级', () => {
    const text = formatText(provinceFindings, { lang: 'zh', color: false });
    expect(lines(text)).toContain('  湖州瑞正电子科技有限公司');
    expect(text).not.toContain('市级');
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
