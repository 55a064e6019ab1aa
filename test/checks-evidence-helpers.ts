/**
 * Builders for evidence-check tests: an applicant pack whose evidence descriptions are made by
 * describeEvidence over real bytes (real PNG, JPEG and PDF files), valid unless a test says otherwise.
 */
import type { Cell } from '../src/model/location.js';
import type { IndicatorKey } from '../src/model/indicators.js';
import type { ApplicantPack, IndicatorInput, ProductRow, Submission, SystemRow } from '../src/model/records.js';
import type { Finding } from '../src/findings/finding.js';
import type { AnyCheck } from '../src/validate/check.js';
import type { Rules } from '../src/rules/schema.js';
import { describeEvidence } from '../src/ingest/files/evidence.js';
import { makeJpeg, makePdf, makePng } from '../src/util/images.js';
import { FORMS, cell as cellAt, indicatorName, provinceOf, runOn, sharedRules } from './builders.js';

export const A2_FILE = FORMS.a2.file;
export const A2_SHEET = FORMS.a2.sheet;
export const SYSTEMS_FILE = FORMS.systems.file;
export const SYSTEMS_SHEET = FORMS.systems.sheet;
export const PRODUCTS_FILE = FORMS.products.file;
export const PRODUCTS_SHEET = FORMS.products.sheet;

/** The default rules, shared (the evidence tests await them). */
export async function defaultRules(): Promise<Rules> {
  return sharedRules();
}

function cell<T>(value: T, file: string, sheet: string, address: string): Cell<T> {
  return cellAt(value, address, file, sheet);
}

/** A screenshot unique to its seed, so two systems never share one by accident. */
export function screenshot(seed: number, kind: 'png' | 'jpeg' = 'png'): Buffer {
  return kind === 'png' ? makePng(16, 10, [40, 90, 160], seed) : makeJpeg(16, 10, [40, 90, 160], seed);
}

export interface SystemSpec {
  indicator: IndicatorKey;
  name: string;
  onCloud?: boolean;
  description?: string | null;
  login?: string | null;
  main?: string | null;
}

export interface ProductSpec {
  name: string;
  category: string;
  start?: string | null;
  end?: string | null;
  amount?: number | null;
  contract?: string | null;
  invoice?: string | null;
}

export interface PackSpec {
  id?: string;
  /** Declared N (and M) per indicator, as typed in Attachment 2. */
  declared?: Partial<Record<IndicatorKey, [n: number, m?: number]>>;
  /** Evidence files by path relative to 证明材料/, and their bytes. */
  files?: Record<string, Uint8Array>;
  /** Omit for no 系统清单 at all. */
  systems?: SystemSpec[];
  /** Omit for no 云计算产品和服务清单 at all. */
  products?: ProductSpec[];
  cloudInvestment3y?: number | null;
}

const A2_ROW: Partial<Record<IndicatorKey, number>> = {
  'infra.security': 7,
  'infra.database': 8,
  'business.rnd': 10,
  'business.production': 11,
  'business.supplyChain': 12,
  'business.marketing': 13,
  'business.other': 14,
  'management.office': 15,
  'management.equipment': 17,
  'collaboration.systems': 18,
};

/** The place of a 系统清单 cell of data row `i` (0-based; the header is row 2). */
export function systemCell(i: number, column: 'description' | 'login' | 'main' | 'name'): string {
  return `${{ name: 'B', description: 'F', login: 'G', main: 'H' }[column]}${3 + i}`;
}

export function productCell(i: number, column: 'contract' | 'invoice'): string {
  return `${{ contract: 'G', invoice: 'H' }[column]}${3 + i}`;
}

export function a2Cell(key: IndicatorKey, which: 'n' | 'm'): string {
  return `${which === 'n' ? 'E' : 'F'}${A2_ROW[key] ?? 30}`;
}

export function pack(spec: PackSpec): ApplicantPack {
  const id = spec.id ?? '杭州市/杭州云上科技有限公司';
  const at = (file: string) => `${id}/${file}`;
  const indicators: Partial<Record<IndicatorKey, IndicatorInput>> = {};
  for (const [key, [n, m]] of Object.entries(spec.declared ?? {}) as [IndicatorKey, [number, number?]][]) {
    const input: IndicatorInput = { key, n: cell<number | null>(n, at(A2_FILE), A2_SHEET, a2Cell(key, 'n')) };
    if (m !== undefined) input.m = cell<number | null>(m, at(A2_FILE), A2_SHEET, a2Cell(key, 'm'));
    indicators[key] = input;
  }
  const sys = (v: unknown, i: number, col: string) => cell(v, at(SYSTEMS_FILE), SYSTEMS_SHEET, `${col}${3 + i}`);
  const prod = (v: unknown, i: number, col: string) => cell(v, at(PRODUCTS_FILE), PRODUCTS_SHEET, `${col}${3 + i}`);
  const p: ApplicantPack = {
    id,
    city: id.split('/')[0]!,
    folderName: id.split('/').pop()!,
    a1: {
      file: at(FORMS.a1.file),
      sheet: FORMS.a1.sheet,
      fields: { cloudInvestment3y: cell(spec.cloudInvestment3y ?? 120, at(FORMS.a1.file), FORMS.a1.sheet, 'B16') },
    },
    a2: { file: at(A2_FILE), sheet: A2_SHEET, indicators },
    evidence: Object.entries(spec.files ?? {}).map(([path, bytes]) => describeEvidence(`证明材料/${path}`, bytes)),
    files: [],
    findings: [],
  };
  if (spec.systems)
    p.systems = {
      file: at(SYSTEMS_FILE),
      sheet: SYSTEMS_SHEET,
      rows: spec.systems.map(
        (s, i): SystemRow => ({
          row: 3 + i,
          indicatorName: sys(indicatorName(s.indicator), i, 'A') as Cell<string | null>,
          indicator: s.indicator,
          name: sys(s.name, i, 'B') as Cell<string | null>,
          onCloud: sys(s.onCloud ?? true, i, 'C') as Cell<boolean | null>,
          provider: sys('阿里云', i, 'D') as Cell<string | null>,
          description: sys(s.description === undefined ? `${s.name}，用于日常业务` : s.description, i, 'F') as Cell<string | null>,
          loginScreenshot: sys(s.login ?? null, i, 'G') as Cell<string | null>,
          mainScreenshot: sys(s.main ?? null, i, 'H') as Cell<string | null>,
        }),
      ),
    };
  if (spec.products)
    p.products = {
      file: at(PRODUCTS_FILE),
      sheet: PRODUCTS_SHEET,
      rows: spec.products.map(
        (r, i): ProductRow => ({
          row: 3 + i,
          name: prod(r.name, i, 'A') as Cell<string | null>,
          provider: prod('阿里云', i, 'B') as Cell<string | null>,
          category: prod(r.category, i, 'C') as Cell<string | null>,
          contractNo: prod(`HT-${i + 1}`, i, 'D') as Cell<string | null>,
          period: prod(r.start || r.end ? `${r.start ?? ''}至${r.end ?? ''}` : null, i, 'E') as Cell<string | null>,
          periodStart: r.start ?? null,
          periodEnd: r.end ?? null,
          amount: prod(r.amount ?? null, i, 'F') as Cell<number | null>,
          contractFile: prod(r.contract ?? null, i, 'G') as Cell<string | null>,
          invoiceFile: prod(r.invoice ?? null, i, 'H') as Cell<string | null>,
        }),
      ),
    };
  return p;
}

/** Files of a system with both screenshots, under 截图/, unique to `seed`. */
export function systemFiles(name: string, seed: number): Record<string, Uint8Array> {
  return { [`截图/${name}-登录页.png`]: screenshot(seed), [`截图/${name}-主页.jpg`]: screenshot(seed + 1000, 'jpeg') };
}

export function system(indicator: IndicatorKey, name: string, extra: Partial<SystemSpec> = {}): SystemSpec {
  return { indicator, name, login: `截图/${name}-登录页.png`, main: `截图/${name}-主页.jpg`, ...extra };
}

export const LICENSE = { '营业执照.pdf': makePdf('营业执照 Business licence') };

export function submission(...packs: ApplicantPack[]): Submission {
  return provinceOf(...packs);
}

export async function run(check: AnyCheck, ...packs: ApplicantPack[]): Promise<Finding[]> {
  return runOn(check, ...packs);
}

export const codesOf = (fs: Finding[]) => fs.map((f) => f.code);
