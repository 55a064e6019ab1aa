/**
 * Builders for value-check tests: typed records with cells at believable places, valid unless told
 * otherwise, so each test states only what it breaks.
 */
import type { Cell } from '../src/model/location.js';
import type { IndicatorKey } from '../src/model/indicators.js';
import { DATA_CATEGORIES, INDICATOR_KEYS } from '../src/model/indicators.js';
import type {
  A1FieldKey,
  A1Fields,
  A1Record,
  A2Record,
  A3Record,
  A3Row,
  ApplicantPack,
  CitySubmission,
  IndicatorInput,
  InputKind,
  Submission,
} from '../src/model/records.js';
import { FORMS, city as cityOf, submission as submissionOf } from './builders.js';

export { contextOf } from './builders.js';
export const A1_FILE = FORMS.a1.file;
export const A1_SHEET = FORMS.a1.sheet;
export const A2_FILE = FORMS.a2.file;
export const A2_SHEET = FORMS.a2.sheet;
export const A3_FILE = FORMS.a3.file;
export const A3_SHEET = FORMS.a3.sheet;

type A1Values = { [K in A1FieldKey]: A1Fields[K]['value'] };

const A1_DEFAULTS: A1Values = {
  enterpriseName: '杭州云上科技有限公司',
  registeredAddress: '浙江省杭州市西湖区文三路90号',
  registeredCapital: 1000,
  legalRepresentative: '张三',
  legalPhone: '13812345678',
  employees: 120,
  itLead: '李四',
  itLeadPhone: '0571-88886666',
  mainBusiness: '工业传感器研发制造',
  salesLastYear: 5000,
  profitLastYear: 300,
  taxLastYear: 200,
  rndLastYear: 150,
  cloudInvestment3y: 120,
  itInvestment3y: 400,
  itStatus: '已建成ERP、MES',
  cloudApps: 'ERP、MES、OA',
  cloudProviders: '阿里云',
  cloudEffect: '三年投入120万元，运维成本下降30%',
  typicalCases: 'MES上云',
  suggestions: '无',
  creditCode: null,
};

/** The A1 value cell of each field: column B, one row per field from row 3, as the template lays it out. */
export function a1CellOf(key: A1FieldKey): string {
  return `B${3 + (Object.keys(A1_DEFAULTS) as A1FieldKey[]).indexOf(key)}`;
}

export function a1Record(
  folder: string,
  values: Partial<A1Values> = {},
  opts: { omit?: A1FieldKey[]; raw?: Partial<Record<A1FieldKey, string>> } = {},
): A1Record {
  const file = `${folder}/${A1_FILE}`;
  const fields: Partial<A1Fields> = {};
  for (const key of Object.keys(A1_DEFAULTS) as A1FieldKey[]) {
    if (opts.omit?.includes(key)) continue;
    const value = key in values ? values[key] : A1_DEFAULTS[key];
    const c: Cell<unknown> = { value, loc: { file, sheet: A1_SHEET, cell: a1CellOf(key) } };
    if (opts.raw?.[key] !== undefined) c.raw = opts.raw[key];
    (fields as Record<string, Cell<unknown>>)[key] = c;
  }
  return { file, sheet: A1_SHEET, fields };
}

/** N and M as typed, per indicator; server given as its four numbers; data as ticked categories. */
export interface A2Values {
  nm: Partial<Record<IndicatorKey, [number | null, number | null]>>;
  server: [number | null, number | null, number | null, number | null];
  collaborationN: number | null;
  dataTicks: number;
}

const A2_DEFAULTS: A2Values = {
  nm: {
    'infra.storage': [10, 20],
    'infra.security': [5, 10],
    'infra.database': [3, 6],
    'business.rnd': [2, 3],
    'business.production': [3, 4],
    'business.supplyChain': [1, 2],
    'business.marketing': [1, 1],
    'business.other': [0, 1],
    'management.office': [2, 2],
    'management.devices': [150, 300],
    'management.equipment': [1, 2],
    'investment.cloud': [120, 400],
  },
  server: [32, 128, 64, 256],
  collaborationN: 4,
  dataTicks: 3,
};

/** The row of an indicator in A2: one row per indicator from row 5, N in D, M in E. */
export function a2RowOf(key: IndicatorKey): number {
  return 5 + INDICATOR_KEYS.indexOf(key);
}

export function a2Record(folder: string, values: Partial<Omit<A2Values, 'nm'>> & { nm?: A2Values['nm'] } = {}): A2Record {
  const file = `${folder}/${A2_FILE}`;
  const at = (cell: string) => ({ file, sheet: A2_SHEET, cell });
  const num = (value: number | null, cell: string): Cell<number | null> => ({ value, loc: at(cell) });
  const v = { ...A2_DEFAULTS, ...values, nm: { ...A2_DEFAULTS.nm, ...values.nm } };
  const indicators: Partial<Record<IndicatorKey, IndicatorInput>> = {};
  for (const [key, [n, m]] of Object.entries(v.nm) as [IndicatorKey, [number | null, number | null]][]) {
    const r = a2RowOf(key);
    indicators[key] = { key, n: num(n, `D${r}`), m: num(m, `E${r}`) };
  }
  const sr = a2RowOf('infra.server');
  indicators['infra.server'] = {
    key: 'infra.server',
    server: {
      cloudCores: num(v.server[0], `D${sr}`),
      cloudMemoryGb: num(v.server[1], `E${sr}`),
      allCores: num(v.server[2], `F${sr}`),
      allMemoryGb: num(v.server[3], `G${sr}`),
    },
  };
  const cr = a2RowOf('collaboration.systems');
  indicators['collaboration.systems'] = { key: 'collaboration.systems', n: num(v.collaborationN, `D${cr}`) };
  const dr = a2RowOf('collaboration.data');
  indicators['collaboration.data'] = {
    key: 'collaboration.data',
    ticks: Object.fromEntries(
      DATA_CATEGORIES.map((c, i) => [c, { value: i < v.dataTicks, loc: at(`${'DEFGHI'[i]}${dr}`) }]),
    ),
  };
  return { file, sheet: A2_SHEET, indicators };
}

export interface PackOptions {
  city?: string;
  folder?: string;
  a1?: Partial<A1Values>;
  a1Omit?: A1FieldKey[];
  a1Raw?: Partial<Record<A1FieldKey, string>>;
  a2?: Parameters<typeof a2Record>[1];
  noA1?: boolean;
  noA2?: boolean;
}

export function pack(opts: PackOptions = {}): ApplicantPack {
  const city = opts.city ?? '杭州市';
  const folderName = opts.folder ?? (opts.a1?.enterpriseName || A1_DEFAULTS.enterpriseName!);
  const id = city ? `${city}/${folderName}` : folderName;
  const p: ApplicantPack = { id, city, folderName, evidence: [], files: [], findings: [] };
  if (!opts.noA1) p.a1 = a1Record(id, opts.a1, { omit: opts.a1Omit, raw: opts.a1Raw });
  if (!opts.noA2) p.a2 = a2Record(id, opts.a2);
  return p;
}

/** A3 columns as the notice prints them. */
const A3_COLUMNS = {
  seq: 'A',
  district: 'B',
  enterpriseName: 'C',
  mainBusiness: 'D',
  salesLastYear: 'E',
  profitLastYear: 'F',
  itInvestment3y: 'G',
  cloudInvestment3y: 'H',
  itLead: 'I',
  phone: 'J',
  opinion: 'K',
} as const;

type A3Values = { [K in keyof typeof A3_COLUMNS]: A3Row[K]['value'] };

/** First data row of the A3 sheet (title and two header rows above). */
export const A3_FIRST_ROW = 4;

/** A row copied from a pack's A1 (as draft-a3 would), with changes. */
export function a3RowFor(city: string, p: ApplicantPack | null, seq: number | null, index: number, changes: Partial<A3Values> = {}): A3Row {
  const f = p?.a1?.fields;
  const base: A3Values = {
    seq,
    district: '西湖区',
    enterpriseName: f?.enterpriseName?.value ?? null,
    mainBusiness: f?.mainBusiness?.value ?? null,
    salesLastYear: f?.salesLastYear?.value ?? null,
    profitLastYear: f?.profitLastYear?.value ?? null,
    itInvestment3y: f?.itInvestment3y?.value ?? null,
    cloudInvestment3y: f?.cloudInvestment3y?.value ?? null,
    itLead: f?.itLead?.value ?? null,
    phone: f?.itLeadPhone?.value ?? null,
    opinion: '推荐',
  };
  const v = { ...base, ...changes };
  const row = A3_FIRST_ROW + index;
  const file = `${city}/${A3_FILE}`;
  const out = { row } as A3Row;
  for (const [k, col] of Object.entries(A3_COLUMNS))
    (out as unknown as Record<string, Cell<unknown>>)[k] = {
      value: v[k as keyof A3Values],
      loc: { file, sheet: A3_SHEET, cell: `${col}${row}` },
    };
  return out;
}

export function a3Record(city: string, rows: A3Row[]): A3Record {
  return { file: `${city}/${A3_FILE}`, sheet: A3_SHEET, rows };
}

/** A city with its packs and, unless told otherwise, a correct A3 listing them in order. */
export function city(name: string, packs: ApplicantPack[], a3: A3Record | null | 'auto' = 'auto'): CitySubmission {
  const c: CitySubmission = cityOf(name, packs);
  if (a3 === 'auto') c.a3 = a3Record(name, packs.map((p, i) => a3RowFor(name, p, i + 1, i)));
  else if (a3) c.a3 = a3;
  return c;
}

export function submission(cities: CitySubmission[], kind: InputKind = 'province'): Submission {
  return submissionOf(cities, { kind });
}
