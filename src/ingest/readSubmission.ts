/**
 * From discovered files to typed records: opens each workbook once, recognises the forms inside by
 * their titles, describes evidence files, and tags every finding with its applicant and city.
 * Per-applicant reading is independent (and plain data in, plain data out) so it can run in workers.
 */
import type { Finding } from '../findings/finding.js';
import { findingsOf } from '../findings/finding.js';
import type { ApplicantPack, CitySubmission, Submission } from '../model/records.js';
import type { Rules } from '../rules/schema.js';
import { decodeText } from '../util/decodeText.js';
import { discover } from './files/discover.js';
import { describeEvidence } from './files/evidence.js';
import { DEFAULT_LIMITS, type Limits } from './files/limits.js';
import { openWorkbookGrids } from './files/openWorkbook.js';
import type { DiscoveredApplicant, DiscoveredCity, Discovery, InputFile } from './files/tree.js';
import { readA3Csv, readFormsFromGrids, type FormsFound } from './forms/index.js';
import { packCodes } from './codes.js';
import { readApplicants, type PoolOptions } from './workers/pool.js';
import { fileCodes } from './files/codes.js';

const finding = findingsOf(packCodes);
const fileFinding = findingsOf(fileCodes);

const EVIDENCE_DIR = '证明材料/';
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et|ett|wps|xltx)$/i;
const CSV_EXT = /\.csv$/i;

export interface ReadProgress {
  filesRead: number;
  applicantsRead: number;
}

export interface ReadOptions {
  limits?: Limits;
  onProgress?: (p: ReadProgress) => void;
  /** Reading threads: 'auto' uses every core for a province-sized input (see workers/pool.ts). */
  workers?: PoolOptions['workers'];
  threads?: number;
}

const FORM_NAMES = {
  a1: '附件1 申报表',
  a2: '附件2 用云水平评估表',
  a3: '附件3 推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
} as const;
type FormKey = keyof typeof FORM_NAMES;

function isWorkbookFile(f: InputFile): boolean {
  return WORKBOOK_EXT.test(f.relPath);
}

export interface ReadHooks {
  /** Called as each workbook is opened, so a reading thread can say which file a timeout stopped. */
  onWorkbook?: (file: InputFile) => void;
}

/** Reads one applicant folder into its pack. */
export async function readApplicant(
  app: DiscoveredApplicant,
  rules: Rules,
  limits: Limits = DEFAULT_LIMITS,
  hooks: ReadHooks = {},
): Promise<ApplicantPack> {
  const pack: ApplicantPack = {
    id: app.id,
    city: app.city,
    folderName: app.folderName,
    evidence: [],
    files: app.files.map((f) => f.relPath),
    findings: [],
  };
  const where: Partial<Record<FormKey, string>> = {};
  for (const file of app.files) {
    if (file.relPath.startsWith(EVIDENCE_DIR)) {
      try {
        pack.evidence.push(describeEvidence(file.relPath, await file.read()));
      } catch (e) {
        // A damaged zip entry or an unreadable file: the evidence is missing, the run goes on.
        pack.findings.push(fileFinding('FILE_UNREADABLE', { message: (e as Error).message }, { file: file.path }));
      }
      continue;
    }
    if (!isWorkbookFile(file)) {
      pack.findings.push(finding('FILE_NOT_READ', {}, { file: file.path }));
      continue;
    }
    hooks.onWorkbook?.(file);
    const opened = await openWorkbookGrids(file, limits);
    pack.findings.push(...opened.findings);
    if (!opened.grids) continue;
    const forms = readFormsFromGrids(opened.grids, file.path, rules);
    pack.findings.push(...forms.findings);
    if (forms.a3) pack.findings.push(finding('FORM_MISPLACED', { form: FORM_NAMES.a3, where: app.id }, { file: file.path }));
    const found = (['a1', 'a2', 'systems', 'products'] as const).filter((k) => forms[k]);
    if (found.length === 0 && !forms.a3) pack.findings.push(finding('FORM_NOT_RECOGNISED', {}, { file: file.path }));
    for (const k of found) {
      if (pack[k]) {
        pack.findings.push(finding('FORM_DUPLICATE', { form: FORM_NAMES[k], used: where[k]! }, { file: file.path }));
        continue;
      }
      assign(pack, k, forms);
      where[k] = file.path;
    }
  }
  for (const f of pack.findings) {
    f.applicant = pack.id;
    f.city = pack.city;
  }
  pack.evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return pack;
}

function assign(pack: ApplicantPack, k: 'a1' | 'a2' | 'systems' | 'products', forms: FormsFound): void {
  if (k === 'a1') pack.a1 = forms.a1;
  else if (k === 'a2') pack.a2 = forms.a2;
  else if (k === 'systems') pack.systems = forms.systems;
  else pack.products = forms.products;
}

/** Reads a city's own files: its 推荐排序表 (xlsx or csv). Applicants are read separately. */
export async function readCityFiles(city: DiscoveredCity, rules: Rules, limits: Limits = DEFAULT_LIMITS): Promise<Pick<CitySubmission, 'a3' | 'findings' | 'extraA3Files'>> {
  const findings: Finding[] = [];
  let a3: CitySubmission['a3'];
  const extraA3Files: string[] = [];
  for (const file of city.files) {
    let found: { a3?: CitySubmission['a3']; findings: Finding[] };
    if (CSV_EXT.test(file.relPath)) {
      found = readA3Csv(decodeText(await file.read()).text, file.path, rules);
    } else if (isWorkbookFile(file)) {
      const opened = await openWorkbookGrids(file, limits);
      findings.push(...opened.findings);
      if (!opened.grids) continue;
      const forms = readFormsFromGrids(opened.grids, file.path, rules);
      found = forms;
      for (const k of ['a1', 'a2', 'systems', 'products'] as const)
        if (forms[k]) findings.push(finding('FORM_MISPLACED', { form: FORM_NAMES[k], where: city.name || '市级文件夹' }, { file: file.path }));
      if (!forms.a3 && !(['a1', 'a2', 'systems', 'products'] as const).some((k) => forms[k]))
        findings.push(finding('FORM_NOT_RECOGNISED', {}, { file: file.path }));
    } else {
      findings.push(finding('FILE_NOT_READ', {}, { file: file.path }));
      continue;
    }
    findings.push(...found.findings);
    if (found.a3) {
      if (a3) extraA3Files.push(file.path);
      else a3 = found.a3;
    }
  }
  for (const f of findings) f.city = city.name;
  return { a3, findings, extraA3Files };
}

/** Discovers and reads a whole input tree (province root, one city or one applicant). */
export async function readSubmission(root: string, rules: Rules, opts: ReadOptions = {}): Promise<Submission> {
  return readDiscovered(await discover(root), rules, opts);
}

/** Reads what discovery found (split from readSubmission so the benchmark can time the two apart). */
export async function readDiscovered(found: Discovery, rules: Rules, opts: ReadOptions = {}): Promise<Submission> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const progress: ReadProgress = { filesRead: 0, applicantsRead: 0 };
  // All applicants of all cities in discovery order; the packs come back in the same order.
  const apps = found.cities.flatMap((c) => c.applicants);
  const poolOpts: PoolOptions = {
    onPack: (pack) => {
      progress.filesRead += pack.files.length;
      progress.applicantsRead++;
      opts.onProgress?.(progress);
    },
  };
  if (opts.workers) poolOpts.workers = opts.workers;
  if (opts.threads !== undefined) poolOpts.threads = opts.threads;
  // The reading threads start first: the cities' own few files are read here while they load.
  const reading = readApplicants(apps, rules, limits, poolOpts);
  const own: Awaited<ReturnType<typeof readCityFiles>>[] = [];
  try {
    for (const city of found.cities) {
      own.push(await readCityFiles(city, rules, limits));
      progress.filesRead += city.files.length;
    }
  } catch (e) {
    // Not left unobserved: the applicants' reading settles (it never rejects) before this one rethrows.
    await reading.catch(() => undefined);
    throw e;
  }
  const packs = await reading;
  let at = 0;
  const cities: CitySubmission[] = found.cities.map((city, i) => {
    const applicants = packs.slice(at, (at += city.applicants.length));
    const c: CitySubmission = { name: city.name, id: city.id, applicants, findings: own[i]!.findings };
    if (own[i]!.a3) c.a3 = own[i]!.a3;
    if (own[i]!.extraA3Files?.length) c.extraA3Files = own[i]!.extraA3Files;
    return c;
  });
  return { root: found.root, kind: found.kind, cities, findings: found.findings };
}
