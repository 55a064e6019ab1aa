/**
 * Finds the cities, applicant folders and their files under the path given on the command line,
 * which may be the province root, one city (folder or .zip) or one applicant folder. City zips are
 * read in place. Nothing here parses a workbook: readers get `InputFile`s and read them on demand.
 */
import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { findingsOf, type Finding } from '../../findings/finding.js';
import type { InputKind } from '../../model/records.js';
import { IoError } from '../../util/errors.js';
import { fileCodes } from './codes.js';
import { DEFAULT_MAX_ENTRY_BYTES } from './limits.js';
import { limiter, type Limiter } from './limiter.js';
import { readSource } from './source.js';
import type { DiscoveredApplicant, DiscoveredCity, Discovery, FileSource, InputFile } from './tree.js';
import { entrySegments, readZipDirectoryFromFile, unsafeEntryName, unsupportedEntry } from './zip.js';

const finding = findingsOf(fileCodes);

/** The applicant's evidence folder, named by the notice's 证明材料. */
export const EVIDENCE_DIR = '证明材料';

/** The eleven cities of Zhejiang: a folder so named is a city, never an applicant. */
export const ZHEJIANG_CITIES = [
  '杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市',
] as const;

const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.csv', '.wps'];

export interface DiscoverOptions {
  /** Largest uncompressed size of one entry of a city zip (default 50 MB). */
  maxEntryBytes?: number;
}

/** A folder of the input as seen by discovery: on disk or inside a zip alike. */
interface Folder {
  name: string;
  dirs: Folder[];
  files: FileEntry[];
  /** Names of zip entries refused (too large, encrypted): not read, but evidence of what the folder is. */
  refused?: string[];
}

interface FileEntry {
  name: string;
  /** Absent for plain files on disk: nothing reads it on the way to a score, so it is stat'ed only if asked (see sizeOnDisk). */
  size?: number;
  source: FileSource;
}

/** Code-point order, so the same names sort the same on every machine and locale. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** System and editor leftovers that are never part of a submission. */
export function isNoise(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('~$') ||
    name.startsWith('._') ||
    lower === '.ds_store' ||
    lower === 'thumbs.db' ||
    lower === 'desktop.ini' ||
    name === '__MACOSX'
  );
}

export function isWorkbookName(name: string): boolean {
  const lower = name.toLowerCase();
  return WORKBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

function withoutZip(name: string): string {
  return isZipName(name) ? name.slice(0, -4) : name;
}

function isCityName(name: string): boolean {
  return (ZHEJIANG_CITIES as readonly string[]).includes(withoutZip(name));
}

function joinPath(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

// ── walking the disk ─────────────────────────────────────────────────────────────────────────

interface WalkContext {
  rootReal: string;
  findings: Finding[];
  maxEntryBytes: number;
  /** Every readdir, stat and realpath of one walk goes through it. */
  fs: Limiter;
}

/** File-system requests in flight during a walk: enough to keep libuv's threads busy, few enough to stay lean. */
const FS_REQUESTS_IN_FLIGHT = 48;

function insideRoot(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
}

async function walkFolder(abs: string, real: string, rel: string, ancestors: ReadonlySet<string>, ctx: WalkContext): Promise<Folder> {
  const folder: Folder = { name: rel ? basename(rel) : basename(abs), dirs: [], files: [] };
  let entries;
  try {
    entries = await ctx.fs(() => readdir(abs, { withFileTypes: true }));
  } catch (e) {
    ctx.findings.push(finding('DIR_UNREADABLE', { message: (e as Error).message }, { file: rel || '.' }));
    return folder;
  }
  entries.sort((a, b) => compareCodePoints(a.name, b.name));
  const lineage = new Set(ancestors).add(real);
  // Children are walked together (the limiter bounds how many requests are in flight) but pushed in
  // name order, so findings and files stay deterministic.
  const children = await Promise.all(
    entries.map(async (d): Promise<{ dir?: Folder; file?: FileEntry; findings: Finding[] }> => {
      const childRel = joinPath(rel, d.name);
      const childAbs = join(abs, d.name);
      const local: Finding[] = [];
      if (isNoise(d.name)) {
        local.push(finding('NOISE_SKIPPED', { name: d.name }, { file: childRel }));
        return { findings: local };
      }
      let childReal = join(real, d.name);
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      let linkedSize: number | undefined;
      if (d.isSymbolicLink()) {
        try {
          childReal = await ctx.fs(() => realpath(childAbs));
        } catch {
          local.push(finding('SYMLINK_BROKEN', { name: d.name }, { file: childRel }));
          return { findings: local };
        }
        if (!insideRoot(childReal, ctx.rootReal)) {
          local.push(finding('SYMLINK_OUTSIDE_ROOT', { name: d.name, target: childReal }, { file: childRel }));
          return { findings: local };
        }
        const st = await ctx.fs(() => stat(childReal)).catch(() => null);
        isDir = st?.isDirectory() ?? false;
        isFile = st?.isFile() ?? false;
        linkedSize = st?.size;
        if (isDir && (lineage.has(childReal) || insideRoot(real, childReal))) {
          local.push(finding('SYMLINK_LOOP', { name: d.name }, { file: childRel }));
          return { findings: local };
        }
      }
      if (isDir) {
        const sub: WalkContext = { ...ctx, findings: local };
        const dir = await walkFolder(childAbs, childReal, childRel, lineage, sub);
        dir.name = d.name;
        return { dir, findings: local };
      }
      if (isFile) {
        // A plain file is not stat'ed: readdir told its type, and a stat per file was most of the walk's
        // time (≈100,000 on a province). A linked file's size is known from the stat above.
        const file: FileEntry = { name: d.name, source: { kind: 'fs', absPath: childAbs } };
        if (linkedSize !== undefined) file.size = linkedSize;
        return { file, findings: local };
      }
      // Sockets, pipes and devices are not submissions.
      return { findings: local };
    }),
  );
  for (const c of children) {
    ctx.findings.push(...c.findings);
    if (c.dir) folder.dirs.push(c.dir);
    if (c.file) folder.files.push(c.file);
  }
  return folder;
}

// ── reading a zip's listing ──────────────────────────────────────────────────────────────────

/**
 * The folder tree of a city zip. A single top-level folder that is not itself an applicant (a
 * zipped `杭州市/`) is stripped, so ids read `杭州市.zip/某公司` either way.
 */
async function zipFolder(zipAbs: string, display: string, ctx: WalkContext): Promise<Folder> {
  const top: Folder = { name: basename(zipAbs), dirs: [], files: [] };
  let entries;
  try {
    entries = await readZipDirectoryFromFile(zipAbs);
  } catch (e) {
    // An empty folder still: a damaged 杭州市.zip remains a city, so its absence is reported where it belongs.
    ctx.findings.push(finding('ZIP_CORRUPT', { message: (e as Error).message }, { file: display || basename(zipAbs) }));
    return top;
  }
  const noiseReported = new Set<string>();
  const sorted = [...entries].sort((a, b) => compareCodePoints(a.name, b.name));
  for (const entry of sorted) {
    const where = { file: joinPath(display, entry.name) };
    if (unsafeEntryName(entry.name)) {
      ctx.findings.push(finding('ZIP_ENTRY_UNSAFE', { name: entry.name }, where));
      continue;
    }
    const segs = entrySegments(entry.name);
    const noiseAt = segs.findIndex(isNoise);
    if (noiseAt >= 0) {
      const noisePath = segs.slice(0, noiseAt + 1).join('/');
      if (!noiseReported.has(noisePath)) {
        noiseReported.add(noisePath);
        ctx.findings.push(finding('NOISE_SKIPPED', { name: segs[noiseAt]! }, { file: joinPath(display, noisePath) }));
      }
      continue;
    }
    const dirSegs = entry.isDirectory ? segs : segs.slice(0, -1);
    let folder = top;
    for (const seg of dirSegs) {
      let next = folder.dirs.find((d) => d.name === seg);
      if (!next) folder.dirs.push((next = { name: seg, dirs: [], files: [] }));
      folder = next;
    }
    if (entry.isDirectory || segs.length === 0) continue;
    const name = segs[segs.length - 1]!;
    // A refused entry still counts towards what its folder is: an applicant whose only form was refused must not vanish.
    const refuse = () => (folder.refused ??= []).push(name);
    const why = unsupportedEntry(entry);
    if (why) {
      ctx.findings.push(finding('ZIP_ENTRY_UNSUPPORTED', { name: entry.name, reason: why }, where));
      refuse();
      continue;
    }
    if (entry.uncompressedSize > ctx.maxEntryBytes) {
      ctx.findings.push(
        finding('ZIP_ENTRY_TOO_LARGE', { name: entry.name, size: entry.uncompressedSize, limit: ctx.maxEntryBytes }, where),
      );
      refuse();
      continue;
    }
    folder.files.push({ name, size: entry.uncompressedSize, source: { kind: 'zip', zipPath: zipAbs, entry } });
  }
  const [only] = top.dirs;
  if (top.files.length === 0 && top.dirs.length === 1 && only && !new Shape().isApplicant(only)) {
    return { ...only, name: top.name };
  }
  return top;
}

// ── deciding what is what ────────────────────────────────────────────────────────────────────

/** The layout heuristics, memoised per folder (a province is walked once). */
class Shape {
  private applicant = new Map<Folder, boolean>();
  private city = new Map<Folder, boolean>();

  hasEvidence(f: Folder): boolean {
    return f.dirs.some((d) => d.name === EVIDENCE_DIR);
  }

  /**
   * Holds forms or a 证明材料 folder and is not a city. A folder with 证明材料 is always an applicant
   * (cities have none), which keeps an applicant's own subfolders of workbooks from making it a city.
   */
  isApplicant(f: Folder): boolean {
    let v = this.applicant.get(f);
    if (v === undefined) {
      v =
        f.name !== EVIDENCE_DIR &&
        !isCityName(f.name) &&
        (this.hasEvidence(f) || ((f.files.some((x) => isWorkbookName(x.name)) || (f.refused ?? []).some(isWorkbookName)) && !this.isCity(f)));
      this.applicant.set(f, v);
    }
    return v;
  }

  /** Contains applicant folders. */
  isCity(f: Folder): boolean {
    let v = this.city.get(f);
    if (v === undefined) {
      v = !this.hasEvidence(f) && f.dirs.some((d) => this.isApplicant(d));
      this.city.set(f, v);
    }
    return v;
  }
}

/**
 * A file found by discovery. Its size is a getter on the prototype, stat'ed on first use: a getter
 * written into each object literal cost about 1 KB per file (110 MB of heap for a province).
 */
class FoundFile implements InputFile {
  private knownSize: number | undefined;
  readonly read: () => Promise<Buffer>;

  constructor(
    readonly path: string,
    readonly relPath: string,
    readonly source: FileSource,
    size: number | undefined,
  ) {
    this.knownSize = size;
    this.read = () => readSource(source);
  }

  get size(): number {
    return (this.knownSize ??= sizeOnDisk(this.source));
  }

  /** As a plain file record, size included (a getter on the prototype is not an own property). */
  toJSON(): Omit<InputFile, 'read'> {
    return { path: this.path, relPath: this.relPath, size: this.size, source: this.source };
  }
}

/**
 * The same string as one flat block. Paths built by concatenation are ropes of small pieces in V8,
 * several times the size of their text; the old per-file stat flattened them as a side effect
 * (a string handed to native code is flattened), and ~100,000 of them now live until the end of
 * the run. Converting to a number is the usual way to make V8 flatten a string in place.
 */
function flat(s: string): string {
  void Number(s);
  return s;
}

function inputFile(entry: FileEntry, path: string, relPath: string): InputFile {
  if (entry.source.kind === 'fs') flat(entry.source.absPath);
  return new FoundFile(flat(path), flat(relPath), entry.source, entry.size);
}

/**
 * The size of a file found on disk, asked for only when someone needs it. 0 when it can no longer be
 * stat'ed: reading it then fails and says so (FILE_UNREADABLE and the like).
 */
export function sizeOnDisk(source: FileSource): number {
  if (source.kind === 'zip') return source.entry.uncompressedSize;
  try {
    return statSync(source.absPath).size;
  } catch {
    return 0;
  }
}

function filesUnder(folder: Folder, prefix: string, relPrefix: string, out: InputFile[]): void {
  for (const f of folder.files) out.push(inputFile(f, joinPath(prefix, f.name), joinPath(relPrefix, f.name)));
  for (const d of folder.dirs) filesUnder(d, joinPath(prefix, d.name), joinPath(relPrefix, d.name), out);
}

function applicantOf(folder: Folder, id: string, city: string): DiscoveredApplicant {
  const files: InputFile[] = [];
  filesUnder(folder, id, '', files);
  files.sort((a, b) => compareCodePoints(a.relPath, b.relPath));
  return { id, city, folderName: folder.name, files };
}

/** A city's applicants and own files; a nested copy of the city folder (`杭州市/杭州市/`) is looked into. */
function cityOf(folder: Folder, name: string, id: string, shape: Shape, findings: Finding[]): DiscoveredCity {
  const city: DiscoveredCity = { name, id, files: [], applicants: [] };
  const collect = (f: Folder, prefix: string, relPrefix: string) => {
    for (const file of f.files) city.files.push(inputFile(file, joinPath(prefix, file.name), joinPath(relPrefix, file.name)));
    for (const d of f.dirs) {
      const path = joinPath(prefix, d.name);
      if (shape.isApplicant(d)) city.applicants.push(applicantOf(d, path, name));
      else if (shape.isCity(d)) collect(d, path, joinPath(relPrefix, d.name));
      else findings.push(finding('FOLDER_IGNORED', { name: d.name }, { file: path || d.name }));
    }
  };
  collect(folder, id, '');
  city.files.sort((a, b) => compareCodePoints(a.relPath, b.relPath));
  city.applicants.sort((a, b) => compareCodePoints(a.id, b.id));
  return city;
}

const KIND_TEXT: Record<InputKind, { zh: string; en: string }> = {
  province: { zh: '省级汇总目录', en: 'the province root' },
  city: { zh: '城市文件夹', en: 'one city' },
  applicant: { zh: '单个企业文件夹', en: 'one applicant' },
};

/**
 * Find the cities, applicants and files under `root`: the province root (one folder or .zip per
 * city), one city (folder or .zip) or one applicant folder. Throws IoError only when `root` itself
 * cannot be read; everything below it becomes a finding.
 */
export async function discover(root: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const abs = resolve(root);
  const st = await stat(abs).catch((e: Error) => {
    throw new IoError(`输入路径无法读取 / cannot read input: ${root} (${e.message})`);
  });
  const rootReal = await realpath(abs);
  const findings: Finding[] = [];
  const ctx: WalkContext = {
    rootReal: st.isDirectory() ? rootReal : dirname(rootReal),
    findings,
    maxEntryBytes: opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES,
    fs: limiter(FS_REQUESTS_IN_FLIGHT),
  };
  const shape = new Shape();

  let top: Folder;
  const zips: Folder[] = [];
  const zipFindings = new Map<Folder, Finding[]>();
  if (st.isDirectory()) {
    top = await walkFolder(abs, rootReal, '', new Set(), ctx);
    top.name = basename(abs);
  } else if (st.isFile() && isZipName(abs)) {
    top = await zipFolder(abs, '', ctx);
  } else {
    throw new IoError(`输入路径不是文件夹或 .zip / input is neither a folder nor a .zip: ${root}`);
  }
  if (st.isDirectory()) {
    // Only zips directly in the root can be cities; deeper zips are ordinary files (evidence).
    for (const f of top.files.filter((x) => isZipName(x.name) && x.source.kind === 'fs')) {
      // A zip's own findings count only if it turns out to be a city (or an applicant) below.
      const own: Finding[] = [];
      const folder = await zipFolder((f.source as { absPath: string }).absPath, f.name, { ...ctx, findings: own });
      zips.push({ ...folder, name: f.name });
      zipFindings.set(zips[zips.length - 1]!, own);
    }
  }

  const rootName = withoutZip(top.name);
  const cityFolders = [...top.dirs, ...zips].filter((d) => shape.isCity(d) || isCityName(d.name));
  const applicantFolders = top.dirs.filter((d) => shape.isApplicant(d));
  let kind: InputKind;
  if (shape.isApplicant(top) && !isCityName(top.name)) kind = 'applicant';
  else if (cityFolders.length > 0 && cityFolders.length >= applicantFolders.length && !isCityName(top.name)) kind = 'province';
  else if (applicantFolders.length > 0 || isCityName(top.name)) kind = 'city';
  else kind = 'province';

  const cities: DiscoveredCity[] = [];
  if (kind === 'applicant') {
    const parent = basename(dirname(abs));
    const cityName = parent.endsWith('市') ? parent : '';
    cities.push({ name: cityName, id: '', files: [], applicants: [applicantOf(top, '', cityName)] });
  } else if (kind === 'city') {
    cities.push(cityOf(top, rootName, '', shape, findings));
  } else {
    const stray: DiscoveredApplicant[] = [];
    const consumedZips = new Set<string>();
    for (const d of [...top.dirs, ...zips]) {
      const isZip = zips.includes(d);
      if (cityFolders.includes(d)) {
        cities.push(cityOf(d, withoutZip(d.name), d.name, shape, findings));
      } else if (shape.isApplicant(d)) {
        findings.push(finding('APPLICANT_WITHOUT_CITY', { name: d.name }, { file: d.name }));
        stray.push(applicantOf(d, d.name, ''));
      } else {
        if (!isZip) findings.push(finding('FOLDER_IGNORED', { name: d.name }, { file: d.name }));
        // A damaged zip might have been a city: say so even when its name does not tell.
        else findings.push(...(zipFindings.get(d) ?? []).filter((f) => f.code === 'ZIP_CORRUPT'));
        continue;
      }
      if (isZip) {
        consumedZips.add(d.name);
        findings.push(...(zipFindings.get(d) ?? []));
      }
    }
    for (const f of top.files) {
      if (!consumedZips.has(f.name)) findings.push(finding('FILE_OUTSIDE_CITY', { name: f.name }, { file: f.name }));
    }
    // Never lose an applicant: one put in the root still goes to the readers, under no city.
    if (stray.length > 0) cities.push({ name: '', id: '', files: [], applicants: stray });
    cities.sort((a, b) => compareCodePoints(a.id, b.id));
  }

  const applicants = cities.reduce((n, c) => n + c.applicants.length, 0);
  if (applicants === 0) findings.push(finding('INPUT_NO_APPLICANTS', {}, { file: '.' }));
  findings.push(
    finding('INPUT_KIND_DETECTED', {
      kindZh: KIND_TEXT[kind].zh,
      kindEn: KIND_TEXT[kind].en,
      cities: cities.filter((c) => c.name !== '' || kind !== 'province').length,
      applicants,
    }),
  );
  return { root, kind, cities, findings };
}
