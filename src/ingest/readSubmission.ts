/**
 * From discovered files to typed records: each city's own files here, each applicant folder by
 * `readApplicant` on the reading threads, the packs gathered back in discovery order.
 */
import type { Finding } from '../findings/finding.js';
import { findingsOf } from '../findings/finding.js';
import type { ApplicantPack, CitySubmission, Submission } from '../model/records.js';
import type { Rules } from '../rules/schema.js';
import { decodeText } from '../util/decodeText.js';
import { discover } from './files/discover.js';
import { DEFAULT_LIMITS, type Limits } from './files/limits.js';
import { openWorkbookGrids } from './files/openWorkbook.js';
import type { DiscoveredCity, Discovery, InputFile } from './files/tree.js';
import { isWorkbookByBytes } from './files/formByBytes.js';
import { readRange, unreadableFinding } from './files/source.js';
import { settleSameContent, type Comparable } from './files/sameContent.js';
import { isCsvName } from '../data/inputTree.js';
import { readA3Csv, readFormsFromGrids } from './forms/index.js';
import { isDocumentWithoutForms, isWorkbookFile } from './readApplicant.js';
import { FORM_NAMES } from '../forms/layout.js';
import { packCodes } from './codes.js';
import { readApplicants, type PoolOptions } from './workers/pool.js';

const finding = findingsOf(packCodes);

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

/** One file of a city's own: its 推荐排序表 if it is one, and what reading it found. */
async function readCityFile(file: InputFile, cityName: string, rules: Rules, limits: Limits): Promise<{ a3?: CitySubmission['a3']; findings: Finding[] }> {
  if (isCsvName(file.relPath)) {
    let bytes: Buffer;
    try {
      bytes = await file.read();
    } catch (e) {
      return { findings: [unreadableFinding(e, file.path)] };
    }
    return readA3Csv(decodeText(bytes).text, file.path, rules);
  }
  if (!isWorkbookFile(file) && !(await isWorkbookByBytes(file))) return { findings: [finding('FILE_NOT_READ', {}, { file: file.path })] };
  const opened = await openWorkbookGrids(file, limits);
  const findings = [...opened.findings];
  if (!opened.grids) return { findings };
  const forms = readFormsFromGrids(opened.grids, file.path, rules);
  if (isDocumentWithoutForms(opened.format, forms)) return { findings: [finding('FILE_NOT_READ', {}, { file: file.path })] };
  for (const k of ['a1', 'a2', 'systems', 'products'] as const)
    if (forms[k]) findings.push(finding('FORM_MISPLACED', { form: FORM_NAMES[k], where: cityName || '市级文件夹' }, { file: file.path }));
  if (!forms.a3 && !(['a1', 'a2', 'systems', 'products'] as const).some((k) => forms[k])) findings.push(finding('FORM_NOT_RECOGNISED', {}, { file: file.path }));
  findings.push(...forms.findings);
  const out: { a3?: CitySubmission['a3']; findings: Finding[] } = { findings };
  if (forms.a3) out.a3 = forms.a3;
  return out;
}

/**
 * Whether a file is a 推荐排序表, read as a city's own file is: discovery asks this of the forms in a
 * folder whose name is no city's, to tell a city by its table.
 */
export function a3Test(rules: Rules, limits: Limits = DEFAULT_LIMITS): (file: InputFile) => Promise<boolean> {
  return async (file) => (await readCityFile(file, '', rules, limits)).a3 !== undefined;
}

/** Reads a city's own files: its 推荐排序表 (xlsx or csv). Applicants are read separately. */
export async function readCityFiles(city: DiscoveredCity, rules: Rules, limits: Limits = DEFAULT_LIMITS): Promise<Pick<CitySubmission, 'a3' | 'findings' | 'extraA3Files'>> {
  const findings: Finding[] = [];
  let a3: CitySubmission['a3'];
  const extraA3Files: string[] = [];
  for (const file of city.files) {
    const found = await readCityFile(file, city.name, rules, limits);
    findings.push(...found.findings);
    if (found.a3) {
      if (a3) extraA3Files.push(file.path);
      else a3 = found.a3;
    }
  }
  for (const f of findings) f.city = city.name;
  return { a3, findings, extraA3Files };
}

/**
 * Each reading thread compared the files of its own applicants' folders; a screenshot sent by two
 * enterprises is found only here, comparing files of equal size across the province (most sizes are
 * their own, so little is read again: see files/sameContent.ts).
 */
async function settleAcrossProvince(apps: readonly DiscoveredCity['applicants'][number][], packs: readonly ApplicantPack[]): Promise<void> {
  const all: Comparable[] = [];
  packs.forEach((pack, i) => {
    if (pack.evidence.length === 0) return;
    const byPath = new Map<string, InputFile>();
    for (const f of apps[i]!.files) byPath.set(f.relPath.replace(/\\/g, '/'), f);
    for (const file of pack.evidence) {
      const input = byPath.get(file.path);
      // Never without its file; if it were, it could not be read again and is compared with nothing.
      all.push({ file, read: (offset, length) => (input ? readRange(input, offset, length) : Promise.reject(new Error(file.path))) });
    }
  });
  await settleSameContent(all);
}

/** Discovers and reads a whole input tree (province root, one city or one applicant). */
export async function readSubmission(root: string, rules: Rules, opts: ReadOptions = {}): Promise<Submission> {
  return readDiscovered(await discover(root, { isA3: a3Test(rules, opts.limits) }), rules, opts);
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
  await settleAcrossProvince(apps, packs);
  let at = 0;
  const cities: CitySubmission[] = found.cities.map((city, i) => {
    const applicants = packs.slice(at, (at += city.applicants.length));
    const c: CitySubmission = { name: city.name, id: city.id, applicants, findings: own[i]!.findings };
    if (own[i]!.a3) c.a3 = own[i]!.a3;
    if (own[i]!.extraA3Files?.length) c.extraA3Files = own[i]!.extraA3Files;
    return c;
  });
  return { root: found.root, kind: found.kind, kindReason: found.kindReason, cities, findings: found.findings };
}
