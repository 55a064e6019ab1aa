/**
 * Typed records of what an applicant and a city sent, as read from their workbooks. Ingest produces
 * these; checks and scoring only ever see these (never a workbook or a file system).
 */
import type { Cell, Location } from './location.js';
import type { DataCategory, IndicatorKey } from './indicators.js';
import type { Finding } from './finding.js';
import type { Lang } from './lang.js';

/** Attachment 1 fields, by stable key. Numbers are in 万元 unless the key says otherwise. */
export interface A1Fields {
  enterpriseName: Cell<string | null>;
  registeredAddress: Cell<string | null>;
  registeredCapital: Cell<number | null>;
  legalRepresentative: Cell<string | null>;
  legalPhone: Cell<string | null>;
  employees: Cell<number | null>;
  itLead: Cell<string | null>;
  itLeadPhone: Cell<string | null>;
  mainBusiness: Cell<string | null>;
  salesLastYear: Cell<number | null>;
  profitLastYear: Cell<number | null>;
  taxLastYear: Cell<number | null>;
  rndLastYear: Cell<number | null>;
  cloudInvestment3y: Cell<number | null>;
  itInvestment3y: Cell<number | null>;
  itStatus: Cell<string | null>;
  cloudApps: Cell<string | null>;
  cloudProviders: Cell<string | null>;
  cloudEffect: Cell<string | null>;
  typicalCases: Cell<string | null>;
  suggestions: Cell<string | null>;
  creditCode: Cell<string | null>;
}
export type A1FieldKey = keyof A1Fields;
/** The fields that hold an amount or a count. */
export type A1NumberKey = { [K in A1FieldKey]: A1Fields[K] extends Cell<number | null> ? K : never }[A1FieldKey];
/** The same fields as a list, for the rules file's schema (a test checks it against the type). */
export const A1_NUMBER_KEYS = [
  'registeredCapital',
  'employees',
  'salesLastYear',
  'profitLastYear',
  'taxLastYear',
  'rndLastYear',
  'cloudInvestment3y',
  'itInvestment3y',
] as const satisfies readonly A1NumberKey[];

export interface A1Record {
  file: string;
  sheet: string;
  /** A field whose label was not found in the form is absent (not null). */
  fields: Partial<A1Fields>;
}

/**
 * One indicator row of Attachment 2 as typed. Which of these are used depends on the indicator's
 * input kind in the rules file: plain N and M; the server's four numbers; the data category ticks;
 * N only (collaboration.systems, whose M is derived).
 *
 * The server's N and M each come either as cores and memory (`server`: the template's four cells, or
 * 「64核256G」 typed where N or M goes, both numbers then pointing at that cell) or as a count in
 * 4核16G units (`n`, `m`: the notice's printed form). A side with cores or memory is read from them.
 * 数据协同 may carry a typed `n` beside its ticks (the notice prints an N cell too).
 */
export interface IndicatorInput {
  key: IndicatorKey;
  n?: Cell<number | null>;
  m?: Cell<number | null>;
  server?: ServerInput;
  ticks?: Partial<Record<DataCategory, Cell<boolean>>>;
}

export interface ServerInput {
  cloudCores?: Cell<number | null>;
  cloudMemoryGb?: Cell<number | null>;
  allCores?: Cell<number | null>;
  allMemoryGb?: Cell<number | null>;
}

export interface A2Record {
  file: string;
  sheet: string;
  indicators: Partial<Record<IndicatorKey, IndicatorInput>>;
}

/** Attachment 3: the city's 推荐排序表. */
export interface A3Row {
  row: number;
  seq: Cell<number | null>;
  district: Cell<string | null>;
  enterpriseName: Cell<string | null>;
  mainBusiness: Cell<string | null>;
  salesLastYear: Cell<number | null>;
  profitLastYear: Cell<number | null>;
  itInvestment3y: Cell<number | null>;
  cloudInvestment3y: Cell<number | null>;
  itLead: Cell<string | null>;
  phone: Cell<string | null>;
  opinion: Cell<string | null>;
}

export interface A3Record {
  file: string;
  sheet: string;
  rows: A3Row[];
}

/** One row of 系统清单 (ours: the notice asks for 「相关系统清单」 but prints no form; docs/notice.md § 材料报送要求). `indicator` is mapped from its Chinese name when known. */
export interface SystemRow {
  row: number;
  indicatorName: Cell<string | null>;
  indicator: IndicatorKey | null;
  name: Cell<string | null>;
  onCloud: Cell<boolean | null>;
  provider: Cell<string | null>;
  description: Cell<string | null>;
  loginScreenshot: Cell<string | null>;
  mainScreenshot: Cell<string | null>;
}

export interface SystemList {
  file: string;
  sheet: string;
  rows: SystemRow[];
}

/** One row of 云计算产品和服务清单 (ours, like 系统清单; docs/notice.md § 材料报送要求). */
export interface ProductRow {
  row: number;
  name: Cell<string | null>;
  provider: Cell<string | null>;
  category: Cell<string | null>;
  contractNo: Cell<string | null>;
  /** 起止日期 as typed, and the dates found in it (ISO yyyy-mm-dd). */
  period: Cell<string | null>;
  periodStart: string | null;
  periodEnd: string | null;
  amount: Cell<number | null>;
  contractFile: Cell<string | null>;
  invoiceFile: Cell<string | null>;
}

export interface ProductList {
  file: string;
  sheet: string;
  rows: ProductRow[];
}

/** What kind of file the bytes say it is. */
export type SniffedType = 'png' | 'jpeg' | 'pdf' | 'gif' | 'bmp' | 'webp' | 'zip' | 'ole2' | 'text' | 'empty' | 'other';

/** A file under the applicant's 证明材料 folder, described so checks never touch the disk. */
export interface EvidenceFile {
  /** Path relative to the applicant folder, `/`-separated (`证明材料/截图/erp-login.png`). */
  path: string;
  size: number;
  /**
   * Equal for two evidence files of the province exactly when their bytes are equal: the size and a
   * hash of the first 4 KB, longer hashes added only where those collide (ingest/files/sameContent.ts).
   * Only for comparing.
   */
  content: string;
  type: SniffedType;
  /** For images whose header could be read. */
  width?: number;
  height?: number;
  /** Bytes of the file read to describe and compare it (the benchmark sums them against sizes). */
  bytesRead: number;
}

export interface ApplicantPack {
  /** Folder relative to the input root, `/`-separated: `杭州市/某某科技有限公司`. */
  id: string;
  /** City folder name as delivered (`杭州市`), or '' when the input was a lone applicant. */
  city: string;
  /** Folder name, used as a display name when A1 gives none. */
  folderName: string;
  a1?: A1Record;
  a2?: A2Record;
  systems?: SystemList;
  products?: ProductList;
  evidence: EvidenceFile[];
  /** Every file of the pack, relative to the applicant folder. */
  files: string[];
  /** Problems met while reading (unreadable workbook, unparseable number, unit conversion note …). */
  findings: Finding[];
}

export interface CitySubmission {
  /** City folder (or zip) name as delivered. */
  name: string;
  /** Path relative to the input root ('' when the input root is the city). */
  id: string;
  a3?: A3Record;
  /** Files of further 推荐排序表 found beside the first (there must be exactly one). */
  extraA3Files?: string[];
  applicants: ApplicantPack[];
  findings: Finding[];
}

export type InputKind = 'province' | 'city' | 'applicant';

export interface Submission {
  /** The input root as given on the command line (for display only). */
  root: string;
  kind: InputKind;
  /** Why the input was read as `kind` (what discovery saw), for the input line. */
  kindReason?: Record<Lang, string>;
  cities: CitySubmission[];
  /** Discovery findings that belong to no city (noise skipped, unknown files …). */
  findings: Finding[];
}

export type { Location };
