/**
 * A realistic synthetic Result for renderer tests (xlsx, json, formatters, pdf): three cities, twelve
 * applicants by default, one rejected, one flagged, names with rare characters (喆 堃 昇) and a hostile
 * name starting with '='. Deterministic: the same options always give the same object.
 *
 * The numbers are made up but consistent (self-score = weight × N / M rounded half-up, bands by rank,
 * totals are sums of rounded items, ranks follow totals), so a renderer test can check a value it knows.
 */
import type { Finding } from '../src/findings/finding.js';
import { EXPERT_KEYS, INDICATOR_KEYS, type ExpertKey, type IndicatorKey } from '../src/model/indicators.js';
import type { ApplicantResult, ApplicantStatus, IndicatorResult, IndicatorSources, Receipt, Result } from '../src/model/result.js';

export const SAMPLE_CITIES = ['杭州市', '宁波市', '温州市'] as const;

/** Base names, by city; the index in this list decides the made-up numbers. */
const BASE: { city: string; name: string }[] = [
  { city: '杭州市', name: '杭州喆云科技有限公司' },
  { city: '杭州市', name: '杭州堃泰机械制造有限公司' },
  { city: '杭州市', name: '=HYPERLINK("x")科技' },
  { city: '杭州市', name: '杭州昇腾精密制造有限公司' },
  { city: '宁波市', name: '宁波甬江模具有限公司' },
  { city: '宁波市', name: '宁波海天智造有限公司' },
  { city: '宁波市', name: '宁波北仑化工股份有限公司' },
  { city: '宁波市', name: '宁波慈溪电器有限公司' },
  { city: '温州市', name: '温州瓯越鞋业有限公司' },
  { city: '温州市', name: '温州乐清电气有限公司' },
  { city: '温州市', name: '温州瑞安汽配有限公司' },
  { city: '温州市', name: '温州龙湾阀门有限公司' },
];

/** The applicant that is rejected (A2 missing) and the one flagged by a warning, by name. */
export const SAMPLE_REJECTED = '温州龙湾阀门有限公司';
export const SAMPLE_FLAGGED = '宁波北仑化工股份有限公司';
/** The applicant with an N > M error on infra.storage (scored 0 there, unverified). */
export const SAMPLE_UNVERIFIED = '杭州堃泰机械制造有限公司';
export const SAMPLE_HOSTILE = '=HYPERLINK("x")科技';

const WEIGHT = 5;
const DIMENSION: Record<IndicatorKey, string> = Object.fromEntries(
  INDICATOR_KEYS.map((k) => [k, k.split('.')[0]!]),
) as Record<IndicatorKey, string>;
const BANDS = [
  { grade: 'A', share: 0.1, factor: 1 },
  { grade: 'B', share: 0.4, factor: 0.8 },
  { grade: 'C', share: 0.9, factor: 0.6 },
  { grade: 'D', share: 1, factor: 0.4 },
];
const EXPERT_MAX: Record<ExpertKey, number> = {
  'expert.xinchuang': 4,
  'expert.cloudNative': 4,
  'expert.cloudManagement': 5,
  'expert.platform': 4,
  'expert.newManufacturing': 4,
  'expert.performance': 4,
};

/** Half-up on the decimal value, as the scoring does. */
function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

/** A small deterministic pseudo-random sequence (no Math.random: the sample must not change). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Check digit per GB 32100-2015, so the sample's credit codes are valid. */
function creditCode(i: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `913301${String(100000 + i * 7919).padStart(6, '0')}MA2${String(i % 100).padStart(2, '0')}X`.slice(0, 17);
  const clean = body.replace(/[^0-9A-HJ-NP-RTUW-Y]/g, '0');
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += chars.indexOf(clean[k]!) * weights[k]!;
  return clean + chars[(31 - (sum % 31)) % 31];
}

function nameFor(i: number): { city: string; name: string } {
  if (i < BASE.length) return BASE[i]!;
  const city = SAMPLE_CITIES[i % SAMPLE_CITIES.length]!;
  return { city, name: `${city.slice(0, 2)}第${i + 1}号云智制造有限公司` };
}

function a2File(id: string): string {
  return `${id}/附件2-用云水平评估表.xlsx`;
}

const A2_SHEET = '用云水平评估表';
const DISTRICT: Record<string, string> = { 杭州市: '西湖区', 宁波市: '鄞州区', 温州市: '鹿城区' };

/** Where the sample's N and M were typed: row 3 onwards of its Attachment 2, N in D, M in F. */
function sourcesFor(id: string, key: IndicatorKey, n: number, m: number): IndicatorSources {
  const file = a2File(id);
  const row = 3 + INDICATOR_KEYS.indexOf(key);
  const at = (col: string, raw: string) => ({ file, sheet: A2_SHEET, cell: `${col}${row}`, raw });
  if (key === 'infra.server')
    return {
      server: {
        cloudCores: at('D', String(n * 4)),
        cloudMemoryGb: { ...at('D', String(n * 16)), cell: `D${row + 20}` },
        allCores: at('F', String(m * 4)),
        allMemoryGb: { ...at('F', String(m * 16)), cell: `F${row + 20}` },
      },
    };
  if (key === 'collaboration.data') {
    const ticks: IndicatorSources['ticks'] = {};
    ['研发数据', '设计数据', '生产数据', '供应链数据', '销售数据', '服务数据'].forEach((c, i) => (ticks[c] = { file, sheet: A2_SHEET, cell: `D${30 + i}`, raw: i < n ? '是' : '否' }));
    return { ticks, mFromRules: true };
  }
  if (key === 'collaboration.systems')
    return { n: at('D', String(n)), mSumOf: ['business.rnd', 'business.production', 'business.supplyChain', 'business.marketing', 'business.other'] };
  return { n: at('D', String(n)), m: at('F', String(m)) };
}

function receiptFor(id: string, rejected: boolean): Receipt {
  const form = (file: string, sheet: string) => ({ file: `${id}/${file}`, sheet, format: 'XLSX' });
  return {
    a1: form('附件1-申报表.xlsx', '申报表'),
    a2: rejected ? null : form('附件2-用云水平评估表.xlsx', A2_SHEET),
    systems: form('系统清单.xlsx', '系统清单'),
    products: form('云计算产品和服务清单.xlsx', '云计算产品和服务清单'),
    license: '证明材料/营业执照.pdf',
    evidence: { files: 12, images: 9, pdfs: 3, other: 0 },
    files: 16,
  };
}

export function sampleResult(opts: { expertScored?: boolean; applicants?: number } = {}): Result {
  const count = Math.max(1, opts.applicants ?? 12);
  const expertScored = opts.expertScored ?? false;
  const collator = new Intl.Collator('zh-CN');

  interface Draft {
    a: ApplicantResult;
    raw: Record<IndicatorKey, { n: number; m: number; verified: boolean }>;
  }
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const { city, name } = nameFor(i);
    const rnd = lcg(i + 17);
    const id = `${city}/${name}`;
    const rejected = name === SAMPLE_REJECTED;
    const raw = {} as Draft['raw'];
    for (const key of INDICATOR_KEYS) {
      const m = key === 'collaboration.data' ? 6 : 2 + Math.floor(rnd() * 20);
      const n = Math.floor(rnd() * (m + 1));
      raw[key] = { n, m, verified: !(name === SAMPLE_UNVERIFIED && key === 'infra.storage') };
    }
    const findings: Finding[] = [];
    const status: ApplicantStatus = rejected ? 'rejected' : name === SAMPLE_FLAGGED || name === SAMPLE_UNVERIFIED ? 'flagged' : 'qualified';
    if (rejected) {
      findings.push({
        code: 'A2_MISSING',
        severity: 'error',
        args: { applicant: name },
        location: { file: id },
        applicant: id,
        city,
      });
    }
    if (name === SAMPLE_UNVERIFIED) {
      raw['infra.storage'] = { n: 12, m: 10, verified: false };
      findings.push({
        code: 'N_GREATER_THAN_M',
        severity: 'error',
        args: { indicator: '云存储', indicatorEn: 'Cloud storage', n: 12, m: 10 },
        location: { file: a2File(id), sheet: '用云水平评估表', cell: 'E7' },
        applicant: id,
        city,
        indicator: 'infra.storage',
      });
      findings.push({
        code: 'VALUE_UNIT_CONVERTED',
        severity: 'info',
        args: { field: '企业存储数据总量', raw: '500GB', value: 0.49, unit: 'TB' },
        location: { file: a2File(id), sheet: '用云水平评估表', cell: 'F7' },
        applicant: id,
        city,
        indicator: 'infra.storage',
      });
    }
    if (name === SAMPLE_FLAGGED) {
      findings.push({
        code: 'PHONE_INVALID',
        severity: 'warning',
        args: { field: '联系电话', fieldEn: 'Phone', value: '0574-123' },
        location: { file: `${id}/附件1-申报表.xlsx`, sheet: '申报表', cell: 'D5' },
        applicant: id,
        city,
      });
      findings.push({
        code: 'A3_FIELD_MISMATCH',
        severity: 'warning',
        args: { field: '上年度销售收入', fieldEn: 'Sales last year', a1: 12000, a3: 12500, a1Place: `${id}/附件1-申报表.xlsx · 申报表!D12` },
        location: { file: `${city}/附件3-推荐排序表.xlsx`, sheet: '推荐排序表', cell: 'E6' },
        applicant: id,
        city,
      });
    }
    const indicators = {} as Record<IndicatorKey, IndicatorResult>;
    for (const key of INDICATOR_KEYS) {
      const { n, m, verified } = raw[key];
      indicators[key] = {
        n: rejected ? null : n,
        m: rejected ? null : m,
        selfScore: rejected || !verified ? 0 : round2((WEIGHT * n) / m),
        rank: null,
        rankedCount: 0,
        grade: null,
        horizontalScore: 0,
        score: 0,
        verified: !rejected && verified,
        sources: rejected ? {} : sourcesFor(id, key, n, m),
      };
    }
    const expertItems: Partial<Record<ExpertKey, number | null>> = {};
    for (const k of EXPERT_KEYS) expertItems[k] = round2(EXPERT_MAX[k] * (0.4 + 0.6 * rnd()));
    const a: ApplicantResult = {
      id,
      city,
      district: DISTRICT[city] ?? null,
      name,
      creditCode: i % 5 === 4 ? null : creditCode(i),
      status,
      rejectedBy: rejected ? ['A2_MISSING'] : [],
      provinceRank: null,
      cityRank: null,
      cityRecommendedRank: null,
      indicators,
      dimensions: {},
      selfTotal: 0,
      horizontalTotal: 0,
      indicatorTotal: 0,
      expertTotal: null,
      expert: expertScored && !rejected ? { items: expertItems, experts: 3, recused: [] } : null,
      total: 0,
      maxTotal: expertScored ? 100 : 75,
      identity: {
        registeredAddress: `浙江省${city}某区某路${i + 1}号`,
        legalRepresentative: ['张喆', '李堃', '王昇', '陈明'][i % 4]!,
        employees: 80 + i * 37,
        itLead: ['赵敏', '钱昇', '孙喆'][i % 3]!,
        itLeadPhone: `1380571${String(1000 + i).slice(-4)}`,
        mainBusiness: '精密零部件制造',
        salesLastYear: 5000 + i * 1234.5,
        profitLastYear: i === 3 ? -120.5 : 300 + i * 45,
        cloudInvestment3y: raw['investment.cloud'].n,
        itInvestment3y: raw['investment.cloud'].m,
      },
      selected: false,
      received: receiptFor(id, rejected),
      findings,
    };
    drafts.push({ a, raw });
  }

  // Horizontal ranks per indicator, province-wide, ties share a rank.
  const eligible = drafts.filter((d) => d.a.status !== 'rejected');
  for (const key of INDICATOR_KEYS) {
    const ranked = eligible.filter((d) => d.a.indicators[key].verified);
    const ns = ranked.map((d) => d.raw[key].n).sort((x, y) => y - x);
    for (const d of ranked) {
      const ir = d.a.indicators[key];
      const n = d.raw[key].n;
      ir.rank = ns.indexOf(n) + 1;
      ir.rankedCount = ranked.length;
      if (n > 0) {
        const band = BANDS.find((b) => ir.rank! <= Math.ceil(b.share * ranked.length))!;
        ir.grade = band.grade;
        ir.horizontalScore = round2(WEIGHT * band.factor);
      }
      ir.score = round2(0.5 * ir.selfScore + 0.5 * ir.horizontalScore);
    }
  }

  for (const { a } of drafts) {
    const dims: Record<string, number> = {};
    let self = 0;
    let horizontal = 0;
    let total = 0;
    for (const key of INDICATOR_KEYS) {
      const ir = a.indicators[key];
      self += ir.selfScore;
      horizontal += ir.horizontalScore;
      total += ir.score;
      dims[DIMENSION[key]] = round2((dims[DIMENSION[key]] ?? 0) + ir.score);
    }
    a.dimensions = dims;
    a.selfTotal = round2(self);
    a.horizontalTotal = round2(horizontal);
    a.indicatorTotal = round2(total);
    a.total = a.indicatorTotal;
    if (a.expert) {
      a.expertTotal = round2(Object.values(a.expert.items).reduce<number>((s, v) => s + (v ?? 0), 0));
      a.total = round2(a.total + a.expertTotal);
    }
  }

  const byRanking = (x: ApplicantResult, y: ApplicantResult) =>
    y.total - x.total ||
    (y.expertTotal ?? 0) - (x.expertTotal ?? 0) ||
    y.selfTotal - x.selfTotal ||
    (y.identity.cloudInvestment3y ?? 0) - (x.identity.cloudInvestment3y ?? 0) ||
    collator.compare(x.name, y.name);
  const ranked = drafts.map((d) => d.a).filter((a) => a.status !== 'rejected').sort(byRanking);
  const rejected = drafts
    .map((d) => d.a)
    .filter((a) => a.status === 'rejected')
    .sort((x, y) => collator.compare(x.city, y.city) || collator.compare(x.name, y.name));
  ranked.forEach((a, i) => (a.provinceRank = i + 1));

  const cityNames = [...new Set(drafts.map((d) => d.a.city))];
  const cities = cityNames.map((name) => {
    const inCity = ranked.filter((a) => a.city === name);
    inCity.forEach((a, i) => (a.cityRank = i + 1));
    // The city's own order: its computed order reversed, so the first and last differ by ≥ 3 places
    // whenever the city has four or more ranked applicants.
    const all = drafts.map((d) => d.a).filter((a) => a.city === name);
    const recommended = [...inCity].reverse().concat(all.filter((a) => a.status === 'rejected'));
    recommended.forEach((a, i) => (a.cityRecommendedRank = i + 1));
    return {
      name,
      applicants: inCity.map((a) => a.id).concat(all.filter((a) => a.status === 'rejected').map((a) => a.id)),
      a3: { file: `${name}/附件3-推荐排序表.xlsx`, sheet: '推荐排序表', format: 'XLSX' },
    };
  });

  const topLevel: Finding[] = [
    {
      code: 'NOISE_SKIPPED',
      severity: 'info',
      args: { name: '~$附件1.xlsx' },
      location: { file: '杭州市/~$附件1.xlsx' },
      city: '杭州市',
    },
    {
      code: 'A3_ROW_WITHOUT_PACK',
      severity: 'error',
      args: { name: '温州未申报企业有限公司', seq: 5 },
      location: { file: '温州市/附件3-推荐排序表.xlsx', sheet: '推荐排序表', cell: 'C8', row: 8 },
      city: '温州市',
    },
  ];

  const applicants = [...ranked, ...rejected];
  // The panel chair's list, as evaluate() fills it when an expert sheet was merged.
  const first = ranked[0];
  const panelReview: Finding[] =
    expertScored && first
      ? [
          {
            code: 'EXPERT_ROW_CONFLICT',
            severity: 'error',
            args: { expert: '专家乙', enterprise: first.name, rows: '3、9', rowsEn: '3, 9', count: 2 },
            location: { file: '专家评分表.csv', sheet: '', row: 3 },
            applicant: first.id,
            city: first.city,
          },
          {
            code: 'EXPERT_SPREAD',
            severity: 'warning',
            args: { enterprise: first.name, item: '信创应用示范', spread: 2, min: 1, max: 3, scores: '专家甲 1（E2）、专家丙 3（E4）', scoresEn: '专家甲 1 (E2), 专家丙 3 (E4)', threshold: 1.5 },
            location: { file: '专家评分表.csv', sheet: '' },
            applicant: first.id,
            city: first.city,
          },
        ]
      : [];
  const allFindings = [...topLevel, ...panelReview, ...applicants.flatMap((a) => a.findings)];
  return {
    schemaVersion: 2,
    rules: { id: 'zj-2021-batch1', title: '浙江省第一批制造业「云上企业」评选' },
    input: { root: './submissions', kind: 'province' },
    expertScored,
    selection: null,
    summary: {
      applicants: applicants.length,
      ranked: ranked.length,
      rejected: rejected.length,
      qualified: applicants.filter((a) => a.status === 'qualified').length,
      flagged: applicants.filter((a) => a.status === 'flagged').length,
      errors: allFindings.filter((f) => f.severity === 'error').length,
      warnings: allFindings.filter((f) => f.severity === 'warning').length,
      infos: allFindings.filter((f) => f.severity === 'info').length,
    },
    cities,
    applicants,
    findings: topLevel,
    panelReview,
    decisions: [],
  };
}

/** The sample with a 初选名单 of the top `count` ranked applicants. */
export function withSelection(result: Result, count: number): Result {
  const applicants = result.applicants.map((a) => ({
    ...a,
    selected: a.provinceRank !== null && a.provinceRank <= count,
  }));
  return { ...result, selection: { by: 'count', value: count, count: applicants.filter((a) => a.selected).length, tie: null }, applicants };
}
