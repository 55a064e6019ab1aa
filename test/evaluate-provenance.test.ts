/**
 * What evaluate adds for the reports beyond the scores: where each N and M came from, the official
 * order of cities, 区县, what each folder held, and a tie at the cut of a `--select N` list.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { CITY_NAMES } from '../src/data/zhejiang.js';
import type { A2Record } from '../src/model/records.js';
import { a2, a3, A2_FILE, A2_SHEET, cell, city, defaultRules, pack, submission } from './score-helpers.js';

const rules = defaultRules();
const noChecks = { checks: [] };

describe('evaluate: sources of N and M', () => {
  it('gives each typed N and M its file, sheet, cell and text as typed, with the unit conversion applied', () => {
    const form: A2Record = a2({ nm: { 'infra.storage': [0.49, 2] } });
    // What the reader keeps for 「500GB」 typed where TB are asked for.
    form.indicators['infra.storage']!.n = { value: 0.48828125, loc: { file: A2_FILE, sheet: A2_SHEET, cell: 'E6' }, raw: '500GB', unit: 'GB' } as never;
    const r = evaluate(submission([city('杭州市', [pack({ city: '杭州市', folder: '甲', a2: form })])]), rules, noChecks);
    const storage = r.applicants[0]!.indicators['infra.storage'];
    expect(storage.sources).toEqual({
      n: { file: A2_FILE, sheet: A2_SHEET, cell: 'E6', raw: '500GB', unit: 'GB → TB' },
      m: { file: A2_FILE, sheet: A2_SHEET, cell: 'F6', raw: '2' },
    });
  });

  it("keeps the cores and memory behind 云服务器's N and M, the ticks behind 数据协同's N, and says how the derived Ms are made", () => {
    const r = evaluate(submission([city('杭州市', [pack({ city: '杭州市', folder: '甲' })])]), rules, noChecks);
    const a = r.applicants[0]!;
    const at = (cell: string, raw: string) => ({ file: A2_FILE, sheet: A2_SHEET, cell, raw });
    expect(a.indicators['infra.server']).toMatchObject({ n: 1, m: 2 });
    expect(a.indicators['infra.server'].sources).toEqual({
      server: { cloudCores: at('E8', '4'), cloudMemoryGb: at('F8', '16'), allCores: at('G8', '8'), allMemoryGb: at('H8', '32') },
    });
    const data = a.indicators['collaboration.data'].sources;
    expect(Object.keys(data.ticks!)).toHaveLength(6);
    expect(data.ticks!['研发数据']).toMatchObject({ cell: 'E20' });
    expect(data.mFromRules).toBe(true);
    expect(data.n).toBeUndefined();
    const systems = a.indicators['collaboration.systems'].sources;
    expect(systems.n).toEqual(at('E19', '1'));
    expect(systems.mSumOf).toEqual(['business.rnd', 'business.production', 'business.supplyChain', 'business.marketing', 'business.other']);
  });

  it("points at the typed N and M when 云服务器 is given in 4核16G units, and at a 数据协同 N typed with nothing ticked", () => {
    const form = a2({ ticks: [] });
    form.indicators['infra.server'] = { key: 'infra.server', n: cell<number | null>(3, 'D4'), m: cell<number | null>(6, 'F4') };
    form.indicators['collaboration.data']!.n = cell<number | null>(2, 'D16');
    const r = evaluate(submission([city('杭州市', [pack({ city: '杭州市', folder: '甲', a2: form })])]), rules, noChecks);
    const a = r.applicants[0]!;
    expect(a.indicators['infra.server']).toMatchObject({ n: 3, m: 6 });
    expect(a.indicators['infra.server'].sources).toEqual({ n: { file: A2_FILE, sheet: A2_SHEET, cell: 'D4', raw: '3' }, m: { file: A2_FILE, sheet: A2_SHEET, cell: 'F4', raw: '6' } });
    expect(a.indicators['collaboration.data']).toMatchObject({ n: 2, m: 6 });
    expect(a.indicators['collaboration.data'].sources).toEqual({ n: { file: A2_FILE, sheet: A2_SHEET, cell: 'D16', raw: '2' }, mFromRules: true });
  });

  it('gives an applicant without Attachment 2 empty sources and no N or M', () => {
    const r = evaluate(submission([city('杭州市', [pack({ city: '杭州市', folder: '甲', a2: null })])]), rules, noChecks);
    for (const ind of Object.values(r.applicants[0]!.indicators)) {
      expect(ind.n).toBeNull();
      expect(ind.sources).toEqual({});
    }
  });
});

describe('evaluate: the official order of cities', () => {
  it('lists cities 杭州、宁波、温州、湖州、嘉兴 … 丽水 whatever order they came in, rejected applicants by city in that order', () => {
    const names = [...CITY_NAMES].reverse();
    const cities = names.map((c) => city(c, [pack({ city: c, folder: `${c}企业` }), pack({ city: c, folder: `${c}缺表企业`, a2: null })]));
    const r = evaluate(submission(cities), rules);
    expect(r.cities.map((c) => c.name)).toEqual([...CITY_NAMES]);
    const rejected = r.applicants.filter((a) => a.status === 'rejected');
    expect(rejected.map((a) => a.city)).toEqual([...CITY_NAMES]);
  });

  it('puts province-wide findings first, then each city’s in the official order', () => {
    const sub = submission([city('丽水市', [pack({ city: '丽水市', folder: '甲' })]), city('湖州市', [pack({ city: '湖州市', folder: '乙' })]), city('嘉兴市', [pack({ city: '嘉兴市', folder: '丙' })])]);
    for (const c of sub.cities) c.findings.push({ code: 'A3_MISSING', severity: 'error', args: {}, city: c.name });
    sub.findings.push({ code: 'NOISE_SKIPPED', severity: 'info', args: {} });
    const r = evaluate(sub, rules, noChecks);
    expect(r.findings.map((f) => f.city ?? '')).toEqual(['', '湖州市', '嘉兴市', '丽水市']);
  });
});

describe('evaluate: 区县 and what each folder held', () => {
  it("takes 区县 from the city's 推荐排序表 row, else from the registered address", () => {
    const table = a3([{ seq: 1, name: '甲' }]);
    table.rows[0]!.district = { value: '余杭区', loc: { file: table.file, sheet: table.sheet, cell: 'B3' } };
    const b = pack({ city: '杭州市', folder: '乙' });
    b.a1!.fields.registeredAddress = { value: '浙江省杭州市萧山区市心路1号', loc: { file: 'a1.xlsx', cell: 'B4' } };
    const r = evaluate(submission([city('杭州市', [pack({ city: '杭州市', folder: '甲' }), b, pack({ city: '杭州市', folder: '丙' })], table)]), rules, noChecks);
    const by = (n: string) => r.applicants.find((a) => a.name === n)!;
    expect(by('甲').district).toBe('余杭区');
    expect(by('乙').district).toBe('萧山区');
    expect(by('丙').district).toBeNull();
  });

  it('records the forms found with their format, the accepted licence scan and the evidence by kind', () => {
    const p = pack({ city: '杭州市', folder: '甲' });
    p.evidence = [
      { path: '证明材料/营业执照.pdf', size: 10, content: 'a', type: 'pdf', bytesRead: 10 },
      { path: '证明材料/截图/登录.png', size: 10, content: 'b', type: 'png', bytesRead: 10 },
      { path: '证明材料/合同.docx', size: 10, content: 'c', type: 'zip', bytesRead: 10 },
    ];
    p.files = ['附件1-申报表.xlsx', '附件2-用云水平评估表.xlsx', ...p.evidence.map((e) => e.path)];
    const r = evaluate(submission([city('杭州市', [p], a3([{ seq: 1, name: '甲' }]))]), rules, noChecks);
    expect(r.applicants[0]!.received).toEqual({
      a1: { file: '附件1-申报表.xlsx', sheet: '申报表', format: 'XLSX' },
      a2: { file: A2_FILE, sheet: A2_SHEET, format: 'XLSX' },
      systems: null,
      products: null,
      license: '证明材料/营业执照.pdf',
      evidence: { files: 3, images: 1, pdfs: 1, other: 1 },
      files: 5,
    });
    expect(r.cities[0]!.a3).toEqual({ file: '附件3-推荐排序表.xlsx', sheet: '推荐排序表', format: 'XLSX' });
  });
});

describe('evaluate: a tie at the cut of --select N', () => {
  it('names the tie-break that decided the cut when the totals are equal', () => {
    // Identical forms: equal totals, expert and self totals; 近三年上云投入 decides.
    const packs = [pack({ city: '杭州市', folder: '阿里', cloudInvestment3y: 100 }), pack({ city: '杭州市', folder: '长城', cloudInvestment3y: 300 })];
    const r = evaluate(submission([city('杭州市', packs)]), rules, { checks: [], selection: { by: 'count', value: 1 } });
    const [first, second] = r.applicants;
    expect(first!.name).toBe('长城');
    expect(r.selection).toEqual({
      by: 'count',
      value: 1,
      count: 1,
      tie: { total: first!.total, decidedBy: 'cloudInvestment', selected: [first!.id], notSelected: [second!.id] },
    });
  });

  it('says when nothing of merit decided it, only the name order', () => {
    const packs = ['丙', '甲', '乙'].map((f) => pack({ city: '杭州市', folder: f }));
    const r = evaluate(submission([city('杭州市', packs)]), rules, { checks: [], selection: { by: 'count', value: 2 } });
    expect(r.selection!.tie).toMatchObject({ decidedBy: 'name' });
    expect(r.selection!.tie!.selected).toHaveLength(2);
    expect(r.selection!.tie!.notSelected).toHaveLength(1);
    expect(r.applicants.filter((a) => a.selected)).toHaveLength(2);
  });

  it('finds no tie when the totals differ at the cut, when everyone is selected, or with a threshold', () => {
    const packs = [
      pack({ city: '杭州市', folder: '甲', a2: a2({ nm: { 'infra.storage': [2, 2] } }) }),
      pack({ city: '杭州市', folder: '乙' }),
    ];
    const sub = () => submission([city('杭州市', packs)]);
    expect(evaluate(sub(), rules, { checks: [], selection: { by: 'count', value: 1 } }).selection!.tie).toBeNull();
    const same = () => submission([city('杭州市', [pack({ city: '杭州市', folder: '甲' }), pack({ city: '杭州市', folder: '乙' })])]);
    expect(evaluate(same(), rules, { checks: [], selection: { by: 'count', value: 2 } }).selection!.tie).toBeNull();
    const t = evaluate(same(), rules, { checks: [], selection: { by: 'threshold', value: 0 } });
    expect(t.selection).toMatchObject({ by: 'threshold', count: 2, tie: null });
  });
});
