/**
 * Small builders for scoring tests: records made directly (no files), so a test states the numbers
 * it scores and nothing else.
 */
import type { Cell } from '../src/model/location.js';
import { DATA_CATEGORIES, type DataCategory, type IndicatorKey } from '../src/model/indicators.js';
import type {
  A1Fields,
  A1Record,
  A2Record,
  A3Record,
  A3Row,
  ApplicantPack,
  CitySubmission,
  IndicatorInput,
  Submission,
} from '../src/model/records.js';
import type { Finding } from '../src/findings/finding.js';
import { FORMS, NM_KEYS, cell as cellAt, submission as submissionOf } from './builders.js';

export { defaultRules } from './builders.js';
export const A1_FILE = FORMS.a1.file;
export const A2_FILE = FORMS.a2.file;
export const A2_SHEET = FORMS.a2.sheet;

export function cell<T>(value: T, address = 'A1', file: string = A2_FILE, sheet: string = A2_SHEET): Cell<T> {
  return cellAt(value, address, file, sheet);
}

/** A plain N/M row of Attachment 2 (row number only matters for cell addresses). */
export function nm(key: IndicatorKey, n: number | null, m: number | null, row = 7): IndicatorInput {
  return { key, n: cell(n, `E${row}`), m: cell(m, `F${row}`) };
}

export function server(cloudCores: number, cloudMemoryGb: number, allCores: number, allMemoryGb: number): IndicatorInput {
  return {
    key: 'infra.server',
    server: {
      cloudCores: cell<number | null>(cloudCores, 'E8'),
      cloudMemoryGb: cell<number | null>(cloudMemoryGb, 'F8'),
      allCores: cell<number | null>(allCores, 'G8'),
      allMemoryGb: cell<number | null>(allMemoryGb, 'H8'),
    },
  };
}

export function ticks(ticked: readonly DataCategory[]): IndicatorInput {
  const t: Partial<Record<DataCategory, Cell<boolean>>> = {};
  DATA_CATEGORIES.forEach((c, i) => (t[c] = cell(ticked.includes(c), `${String.fromCharCode(69 + i)}20`)));
  return { key: 'collaboration.data', ticks: t };
}

export function nOnly(key: IndicatorKey, n: number | null): IndicatorInput {
  return { key, n: cell(n, 'E19') };
}

/** Every indicator filled, all scorable: N and M per key, server and ticks in their own shapes. */
export interface A2Values {
  nm?: Partial<Record<IndicatorKey, [number | null, number | null]>>;
  server?: [number, number, number, number];
  ticks?: DataCategory[];
  collaborationN?: number | null;
}

export function a2(values: A2Values = {}): A2Record {
  const indicators: A2Record['indicators'] = {};
  NM_KEYS.forEach((key, i) => {
    const [n, m] = values.nm?.[key] ?? [1, 2];
    indicators[key] = nm(key, n, m, 6 + i);
  });
  indicators['infra.server'] = server(...(values.server ?? [4, 16, 8, 32]));
  indicators['collaboration.data'] = ticks(values.ticks ?? ['研发数据', '生产数据', '销售数据']);
  indicators['collaboration.systems'] = nOnly('collaboration.systems', values.collaborationN === undefined ? 1 : values.collaborationN);
  return { file: A2_FILE, sheet: A2_SHEET, indicators };
}

export function a1(fields: Partial<{ [K in keyof A1Fields]: A1Fields[K]['value'] }>): A1Record {
  const out: A1Record['fields'] = {};
  let row = 3;
  for (const [k, v] of Object.entries(fields)) {
    (out as Record<string, Cell<unknown>>)[k] = cell(v, `B${row++}`, A1_FILE, FORMS.a1.sheet);
  }
  return { file: A1_FILE, sheet: FORMS.a1.sheet, fields: out };
}

export interface PackSpec {
  city: string;
  folder: string;
  name?: string | null;
  a2?: A2Record | null;
  cloudInvestment3y?: number;
  findings?: Omit<Finding, 'applicant' | 'city'>[];
}

export function pack(spec: PackSpec): ApplicantPack {
  const id = spec.city ? `${spec.city}/${spec.folder}` : spec.folder;
  const fields: Parameters<typeof a1>[0] = {};
  if (spec.name !== null) fields.enterpriseName = spec.name ?? spec.folder;
  if (spec.cloudInvestment3y !== undefined) fields.cloudInvestment3y = spec.cloudInvestment3y;
  const p: ApplicantPack = {
    id,
    city: spec.city,
    folderName: spec.folder,
    a1: a1(fields),
    evidence: [],
    files: [],
    findings: (spec.findings ?? []).map((f) => ({ ...f, applicant: id, city: spec.city })),
  };
  if (spec.a2 !== null) p.a2 = spec.a2 ?? a2();
  return p;
}

export function a3(rows: { seq: number; name: string }[]): A3Record {
  const f = FORMS.a3.file;
  const s = FORMS.a3.sheet;
  const none = <T>(col: string, r: number) => cell<T | null>(null, `${col}${r}`, f, s);
  return {
    file: f,
    sheet: s,
    rows: rows.map(({ seq, name }, i): A3Row => {
      const r = 3 + i;
      return {
        row: r,
        seq: cell<number | null>(seq, `A${r}`, f, s),
        district: none('B', r),
        enterpriseName: cell<string | null>(name, `C${r}`, f, s),
        mainBusiness: none('D', r),
        salesLastYear: none('E', r),
        profitLastYear: none('F', r),
        itInvestment3y: none('G', r),
        cloudInvestment3y: none('H', r),
        itLead: none('I', r),
        phone: none('J', r),
        opinion: none('K', r),
      };
    }),
  };
}

export function city(name: string, applicants: ApplicantPack[], a3Record?: A3Record): CitySubmission {
  const c: CitySubmission = { name, id: name, applicants, findings: [] };
  if (a3Record) c.a3 = a3Record;
  return c;
}

export function submission(cities: CitySubmission[], findings: Finding[] = []): Submission {
  return submissionOf(cities, { findings });
}
