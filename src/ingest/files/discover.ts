/**
 * Finds the cities, applicant folders and their files under the path given on the command line,
 * which may be the province root, one city (folder or zip) or one applicant folder. City zips are
 * read in place. Nothing here parses a workbook on the way to a score: readers get `InputFile`s and
 * read them on demand (only a folder whose name does not say what it is has its 推荐排序表 looked for).
 *
 * The shape is decided by what the tree holds, never by one stray file:
 * - a folder holding a folder or zip named after a Zhejiang city is the province root, whatever else
 *   lies there; anything else at that level is named in a warning and skipped;
 * - a folder is a city when its name or its 推荐排序表 says so;
 * - a folder is one applicant when it holds forms or a 证明材料 folder, and no applicant folders.
 * Our own output folders (they carry a marker) are skipped wherever they are.
 */
import { statSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Dirent, Stats } from 'node:fs';
import { findingsOf, type Finding } from '../../findings/finding.js';
import type { InputKind } from '../../model/records.js';
import type { Lang } from '../../model/lang.js';
import { CITY_NAMES, compareCityNames, normaliseCityName } from '../../data/zhejiang.js';
import { EVIDENCE_DIR, extensionOf, isFormFileName, isNoise, isZipName, withoutZip } from '../../data/inputTree.js';
import { isOutputSideEntry, OUTPUT_MARKER } from '../../util/outputFolder.js';
import { IoError } from '../../util/errors.js';
import { fileCodes } from './codes.js';
import { DEFAULT_MAX_ENTRY_BYTES } from './limits.js';
import { limiter, type Limiter } from './limiter.js';
import { readSource } from './source.js';
import type { DiscoveredApplicant, DiscoveredCity, Discovery, FileSource, InputFile } from './tree.js';
import { entrySegments, readZipDirectoryFromFile, unsafeEntryName, unsupportedEntry, type ZipEntry } from './zip.js';

const finding = findingsOf(fileCodes);

export { EVIDENCE_DIR, isNoise };

export interface DiscoverOptions {
  /** Largest uncompressed size of one entry of a city zip (default 50 MB). */
  maxEntryBytes?: number;
  /**
   * Whether a file is a 推荐排序表 (read with the rules, by the same reader as the city's own files).
   * Asked only about the forms directly in a folder whose name is no city's; without it such a
   * folder is a city only when it holds applicant folders.
   */
  isA3?: (file: InputFile) => Promise<boolean>;
}

/** A folder of the input as seen by discovery: on disk or inside a zip alike. */
interface Folder {
  name: string;
  dirs: Folder[];
  files: FileEntry[];
  /** Names of zip entries refused (too large, encrypted): not read, but evidence of what the folder is. */
  refused?: string[];
  /** One of our output folders (it carries the marker): never looked into. */
  output?: boolean;
  /** Where this folder's own files are shown from (`杭州市`, `杭州市.zip`, '' for the root). */
  display?: string;
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

/** A folder or zip named after one of the eleven cities (杭州市, 杭州, 杭州市.zip). */
export function isCityName(name: string): boolean {
  return CITY_NAMES.includes(normaliseCityName(name));
}

/** The name without its extension (`舟山市.rar` → `舟山市`). */
function stemOf(name: string): string {
  return name.slice(0, name.length - extensionOf(name).length);
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

/** What a file that is neither a regular file nor a folder is, in words (or null for those two). */
function specialKind(d: Dirent | Stats): { kindZh: string; kindEn: string } | null {
  if (d.isFIFO()) return { kindZh: '命名管道（FIFO）', kindEn: 'a named pipe (FIFO)' };
  if (d.isSocket()) return { kindZh: '套接字', kindEn: 'a socket' };
  if (d.isCharacterDevice() || d.isBlockDevice()) return { kindZh: '设备文件', kindEn: 'a device' };
  return null;
}

async function walkFolder(abs: string, real: string, rel: string, ancestors: ReadonlySet<string>, ctx: WalkContext): Promise<Folder> {
  const folder: Folder = { name: rel ? basename(rel) : basename(abs), dirs: [], files: [], display: rel };
  let entries;
  try {
    entries = await ctx.fs(() => readdir(abs, { withFileTypes: true }));
  } catch (e) {
    ctx.findings.push(finding('DIR_UNREADABLE', { message: (e as Error).message }, { file: rel || '.' }));
    return folder;
  }
  if (entries.some((d) => d.name === OUTPUT_MARKER && !d.isDirectory())) {
    folder.output = true;
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
      if (isNoise(d.name) || isOutputSideEntry(d.name)) {
        local.push(finding('NOISE_SKIPPED', { name: d.name }, { file: childRel }));
        return { findings: local };
      }
      let childReal = join(real, d.name);
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      let special = specialKind(d);
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
        special = st ? specialKind(st) : null;
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
      // Pipes, sockets and devices are never opened (reading a pipe waits for a writer forever).
      if (special) local.push(finding('SPECIAL_FILE_SKIPPED', { name: d.name, ...special }, { file: childRel }));
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
async function zipFolder(zipAbs: string, display: string, ctx: WalkContext, shape: Shape): Promise<Folder> {
  const top: Folder = { name: basename(zipAbs), dirs: [], files: [], display };
  let entries: ZipEntry[];
  try {
    entries = await readZipDirectoryFromFile(zipAbs);
  } catch (e) {
    // An empty folder still: a damaged 杭州市.zip remains a city, so its absence is reported where it belongs.
    ctx.findings.push(finding('ZIP_CORRUPT', { message: (e as Error).message }, { file: display || basename(zipAbs) }));
    return top;
  }
  const noiseReported = new Set<string>();
  const sorted = [...entries].sort((a, b) => compareCodePoints(a.name, b.name));
  // Two entries of one name: which one the sender meant cannot be known, so neither is read.
  const duplicated = new Set<string>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.name === sorted[i - 1]!.name && !sorted[i]!.isDirectory) duplicated.add(sorted[i]!.name);
  const folders = new Map<string, Folder>([['', top]]);
  const folderAt = (segs: string[]): Folder => {
    let folder = top;
    let key = '';
    for (const seg of segs) {
      key = joinPath(key, seg);
      let next = folders.get(key);
      if (!next) {
        next = { name: seg, dirs: [], files: [], display: joinPath(display, key) };
        folder.dirs.push(next);
        folders.set(key, next);
      }
      folder = next;
    }
    return folder;
  };
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    const where = { file: joinPath(display, entry.name) };
    if (unsafeEntryName(entry.name)) {
      ctx.findings.push(finding('ZIP_ENTRY_UNSAFE', { name: entry.name }, where));
      continue;
    }
    const segs = entrySegments(entry.name);
    const noiseAt = segs.findIndex((s) => isNoise(s) || isOutputSideEntry(s));
    if (noiseAt >= 0) {
      const noisePath = segs.slice(0, noiseAt + 1).join('/');
      if (!noiseReported.has(noisePath)) {
        noiseReported.add(noisePath);
        ctx.findings.push(finding('NOISE_SKIPPED', { name: segs[noiseAt]! }, { file: joinPath(display, noisePath) }));
      }
      continue;
    }
    const folder = folderAt(entry.isDirectory ? segs : segs.slice(0, -1));
    if (entry.isDirectory || segs.length === 0) continue;
    const name = segs[segs.length - 1]!;
    // A refused entry still counts towards what its folder is: an applicant whose only form was refused must not vanish.
    const refuse = () => (folder.refused ??= []).push(name);
    if (duplicated.has(entry.name)) {
      if (sorted[i - 1]?.name !== entry.name) {
        const count = sorted.filter((e) => e.name === entry.name).length;
        ctx.findings.push(finding('ZIP_ENTRY_DUPLICATE', { name: entry.name, count }, where));
      }
      refuse();
      continue;
    }
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
  // An output folder of ours zipped up with a city: its marker says so, as on disk.
  for (const f of folders.values()) {
    if (f.files.some((x) => x.name === OUTPUT_MARKER)) Object.assign(f, { dirs: [], files: [], refused: undefined, output: true });
  }
  const [only] = top.dirs;
  if (top.files.length === 0 && top.dirs.length === 1 && only && !only.output && !shape.isApplicant(only)) {
    return { ...only, name: top.name, display };
  }
  return top;
}

/** What a file in the province root named after a city is, by its first bytes and (for a zip) its listing. */
async function cityArchiveKind(abs: string): Promise<'zip' | 'office' | { detected: string }> {
  const head = Buffer.alloc(8);
  let read = 0;
  try {
    const fh = await open(abs, 'r');
    try {
      ({ bytesRead: read } = await fh.read(head, 0, 8, 0));
    } finally {
      await fh.close();
    }
  } catch (e) {
    return { detected: (e as Error).message };
  }
  const b = head.subarray(0, read);
  const starts = (...sig: number[]) => sig.length <= b.length && sig.every((v, i) => b[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    // A workbook or Word file is a zip too: named after the city, it is a summary, not the city.
    const entries = await readZipDirectoryFromFile(abs).catch(() => null);
    return entries?.some((e) => e.name === '[Content_Types].xml') ? 'office' : 'zip';
  }
  if (starts(0x52, 0x61, 0x72, 0x21)) return { detected: 'RAR' };
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return { detected: '7z' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'office';
  if (read === 0) return { detected: '空文件 / empty' };
  return { detected: extensionOf(abs) || '未知 / unknown' };
}

// ── deciding what is what ────────────────────────────────────────────────────────────────────

/** The layout heuristics, memoised per folder (a province is walked once). */
class Shape {
  private applicant = new Map<Folder, boolean>();
  private city = new Map<Folder, boolean>();

  hasEvidence(f: Folder): boolean {
    return f.dirs.some((d) => d.name === EVIDENCE_DIR && !d.output);
  }

  holdsForms(f: Folder): boolean {
    return f.files.some((x) => isFormFileName(x.name)) || (f.refused ?? []).some(isFormFileName);
  }

  /**
   * Holds forms or a 证明材料 folder and no applicant folders. A folder with 证明材料 is always an
   * applicant (cities have none), which keeps an applicant's own subfolders of workbooks from making
   * it a city.
   */
  isApplicant(f: Folder): boolean {
    let v = this.applicant.get(f);
    if (v === undefined) {
      v = !f.output && f.name !== EVIDENCE_DIR && !isCityName(f.name) && (this.hasEvidence(f) || (this.holdsForms(f) && !this.holdsApplicants(f)));
      this.applicant.set(f, v);
    }
    return v;
  }

  /** Contains applicant folders (and is not one itself). */
  holdsApplicants(f: Folder): boolean {
    let v = this.city.get(f);
    if (v === undefined) {
      v = !f.output && !this.hasEvidence(f) && f.dirs.some((d) => this.isApplicant(d));
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

function filesUnder(folder: Folder, prefix: string, relPrefix: string, out: InputFile[], findings: Finding[]): void {
  for (const f of folder.files) out.push(inputFile(f, joinPath(prefix, f.name), joinPath(relPrefix, f.name)));
  for (const d of folder.dirs) {
    const path = joinPath(prefix, d.name);
    if (d.output) findings.push(finding('OUTPUT_FOLDER_SKIPPED', { name: d.name }, { file: path }));
    else filesUnder(d, path, joinPath(relPrefix, d.name), out, findings);
  }
}

function applicantOf(folder: Folder, id: string, city: string, findings: Finding[]): DiscoveredApplicant {
  const files: InputFile[] = [];
  filesUnder(folder, id, '', files, findings);
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
      if (d.output) findings.push(finding('OUTPUT_FOLDER_SKIPPED', { name: d.name }, { file: path }));
      else if (shape.isApplicant(d)) city.applicants.push(applicantOf(d, path, name, findings));
      else if (shape.holdsApplicants(d) || isCityName(d.name)) collect(d, path, joinPath(relPrefix, d.name));
      else findings.push(finding('FOLDER_IGNORED', { name: d.name }, { file: path || d.name }));
    }
  };
  collect(folder, id, '');
  city.files.sort((a, b) => compareCodePoints(a.relPath, b.relPath));
  city.applicants.sort((a, b) => compareCodePoints(a.id, b.id));
  return city;
}

const KIND_TEXT: Record<InputKind, Record<Lang, string>> = {
  province: { zh: '省级汇总目录', en: 'the province root' },
  city: { zh: '城市文件夹', en: 'one city' },
  applicant: { zh: '单个企业文件夹', en: 'one applicant' },
};

/** Up to three names and how many in all, for the input line. */
function someNames(names: string[]): Record<Lang, string> {
  const shown = names.slice(0, 3).join('、');
  return names.length > 3
    ? { zh: `${shown} 等 ${names.length} 个`, en: `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` }
    : { zh: shown, en: names.join(', ') };
}

/** The forms directly in a folder that the A3 test says are 推荐排序表 (only when asked). */
async function a3FilesOf(f: Folder, isA3: DiscoverOptions['isA3']): Promise<string[]> {
  if (!isA3) return [];
  const found: string[] = [];
  for (const file of f.files) {
    if (!isFormFileName(file.name)) continue;
    const path = joinPath(f.display ?? '', file.name);
    if (await isA3(inputFile(file, path, file.name)).catch(() => false)) found.push(file.name);
  }
  return found;
}

/**
 * A folder whose name is no city's is a city by its 推荐排序表 when it holds one (and no 证明材料), and
 * either holds applicant folders or no forms but 推荐排序表s.
 */
async function cityByA3(f: Folder, shape: Shape, isA3: DiscoverOptions['isA3']): Promise<string | null> {
  if (f.output || shape.hasEvidence(f)) return null;
  const a3 = await a3FilesOf(f, isA3);
  if (a3.length === 0) return null;
  const forms = f.files.filter((x) => isFormFileName(x.name)).length;
  return shape.holdsApplicants(f) || forms === a3.length ? a3[0]! : null;
}

/** What a child of the province root is: a city, an applicant, a folder of applicants that is no city, or none. */
type RootChild = 'city' | 'applicant' | 'applicants' | 'skipped';

/**
 * Find the cities, applicants and files under `root`: the province root (one folder or zip per
 * city), one city (folder or zip) or one applicant folder. Throws IoError only when `root` itself
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
  if (st.isDirectory()) {
    top = await walkFolder(abs, rootReal, '', new Set(), ctx);
    top.name = basename(abs);
  } else if (st.isFile() && (isZipName(abs) || (await cityArchiveKind(abs)) === 'zip')) {
    top = await zipFolder(abs, '', ctx, shape);
  } else {
    const special = specialKind(st);
    const what = special ? `${special.kindZh} / ${special.kindEn}` : '';
    throw new IoError(`输入路径不是文件夹或 zip 压缩包 / input is neither a folder nor a zip${what ? `（${what}）` : ''}: ${root}`);
  }
  if (top.output) findings.push(finding('OUTPUT_FOLDER_SKIPPED', { name: top.name }, { file: '.' }));

  // The root's children that may be cities: its folders, and its zips (a city-named file is looked at
  // by its bytes: 舟山市 delivered without .zip is still 舟山市's zip).
  const zips: Folder[] = [];
  const zipFindings = new Map<Folder, Finding[]>();
  const consumed = new Set<string>();
  const unreadableCities: Folder[] = [];
  if (st.isDirectory()) {
    for (const f of top.files) {
      if (f.source.kind !== 'fs') continue;
      let isZip = isZipName(f.name);
      if (!isZip && isCityName(stemOf(f.name))) {
        const kind = await cityArchiveKind(f.source.absPath);
        if (kind === 'zip') {
          isZip = true;
          findings.push(finding('ZIP_WITHOUT_EXTENSION', { name: f.name }, { file: f.name }));
        } else if (kind !== 'office') {
          findings.push(finding('CITY_ARCHIVE_UNREADABLE', { name: f.name, detected: kind.detected }, { file: f.name }));
          // Kept as an empty city, so the city's absence is reported where it belongs.
          unreadableCities.push({ name: stemOf(f.name), dirs: [], files: [], display: f.name });
          consumed.add(f.name);
          continue;
        }
      }
      if (!isZip) continue;
      // A zip's own findings count only if it turns out to be a city (or an applicant) below.
      const own: Finding[] = [];
      const folder = await zipFolder(f.source.absPath, f.name, { ...ctx, findings: own }, shape);
      const zip = { ...folder, name: f.name };
      zips.push(zip);
      zipFindings.set(zip, own);
    }
  }

  const rootName = withoutZip(top.name);
  const children = [...top.dirs, ...zips];
  const namedCities = [...children.filter((d) => !d.output && isCityName(d.name)), ...unreadableCities];
  let kind: InputKind;
  let reason: Record<Lang, string>;
  const cities: DiscoveredCity[] = [];

  // A city folder holding a copy of itself (杭州市/杭州市/, as unzipping often leaves it) is still one city.
  const onlyItself = isCityName(top.name) && namedCities.every((c) => normaliseCityName(c.name) === normaliseCityName(top.name));
  if (top.output) {
    kind = 'province';
    reason = { zh: '这是 yunshang 的输出文件夹', en: 'it is an output folder of yunshang' };
  } else if (namedCities.length > 0 && !onlyItself) {
    kind = 'province';
    const names = someNames(namedCities.map((c) => withoutZip(c.name)).sort(compareCityNames));
    reason = { zh: `含以城市命名的文件夹或压缩包：${names.zh}`, en: `it holds folders or zips named after cities: ${names.en}` };
    await readProvince();
  } else if (isCityName(top.name)) {
    kind = 'city';
    reason = { zh: `文件夹名「${rootName}」是城市名`, en: `its name ${rootName} is a city's` };
    cities.push(cityOf(top, rootName, '', shape, findings));
  } else {
    const a3 = await cityByA3(top, shape, opts.isA3);
    if (a3) {
      kind = 'city';
      reason = { zh: `含推荐排序表「${a3}」`, en: `it holds the ranking table ${a3}` };
      cities.push(cityOf(top, rootName, '', shape, findings));
    } else if (shape.isApplicant(top)) {
      kind = 'applicant';
      reason = shape.hasEvidence(top)
        ? { zh: `含「${EVIDENCE_DIR}」文件夹`, en: `it holds a ${EVIDENCE_DIR} folder` }
        : { zh: '含申报表，没有企业文件夹', en: 'it holds forms and no applicant folders' };
      const parent = basename(dirname(abs));
      const cityName = isCityName(parent) ? parent : '';
      cities.push({ name: cityName, id: '', files: [], applicants: [applicantOf(top, '', cityName, findings)] });
    } else if (shape.holdsApplicants(top)) {
      kind = 'city';
      const n = top.dirs.filter((d) => shape.isApplicant(d)).length;
      reason = { zh: `含 ${n} 个企业文件夹`, en: `it holds ${n} applicant folders` };
      cities.push(cityOf(top, rootName, '', shape, findings));
    } else {
      kind = 'province';
      reason = { zh: '没有城市文件夹、企业文件夹或申报表', en: 'it holds no city folder, applicant folder or form' };
      await readProvince();
    }
  }

  /** The province root's children: cities by name or by their 推荐排序表; anything else named and skipped. */
  async function readProvince(): Promise<void> {
    const stray: DiscoveredApplicant[] = [];
    const classify = async (d: Folder): Promise<RootChild> => {
      if (d.output) return 'skipped';
      if (isCityName(d.name) || unreadableCities.includes(d)) return 'city';
      if (await cityByA3(d, shape, opts.isA3)) return 'city';
      if (shape.isApplicant(d)) return 'applicant';
      if (shape.holdsApplicants(d)) return 'applicants';
      return 'skipped';
    };
    for (const d of [...children, ...unreadableCities]) {
      const isZip = zips.includes(d);
      const c = await classify(d);
      const where = { file: d.display || d.name };
      if (c === 'city') {
        cities.push(cityOf(d, withoutZip(d.name), d.display || d.name, shape, findings));
      } else if (c === 'applicant') {
        findings.push(finding('APPLICANT_WITHOUT_CITY', { name: d.name }, where));
        stray.push(applicantOf(d, d.name, '', findings));
      } else if (c === 'applicants') {
        // Never lose an applicant: a folder that is no city still has its applicants read, under no city.
        const city = cityOf(d, '', d.name, shape, findings);
        findings.push(finding('FOLDER_NOT_CITY', { name: d.name, applicants: city.applicants.length }, where));
        stray.push(...city.applicants);
      } else {
        if (d.output) findings.push(finding('OUTPUT_FOLDER_SKIPPED', { name: d.name }, where));
        else if (!isZip) findings.push(finding('FILE_OUTSIDE_CITY', { name: d.name }, where));
        else {
          // A damaged zip might have been a city: say so even when its name does not tell.
          const corrupt = (zipFindings.get(d) ?? []).filter((f) => f.code === 'ZIP_CORRUPT');
          findings.push(...(corrupt.length > 0 ? corrupt : [finding('FILE_OUTSIDE_CITY', { name: d.name }, where)]));
        }
        if (isZip) consumed.add(d.name);
        continue;
      }
      if (isZip) {
        consumed.add(d.name);
        findings.push(...(zipFindings.get(d) ?? []));
      }
    }
    for (const f of top.files) {
      if (!consumed.has(f.name)) findings.push(finding('FILE_OUTSIDE_CITY', { name: f.name }, { file: f.name }));
    }
    // Never lose an applicant: one put in the root still goes to the readers, under no city.
    if (stray.length > 0) cities.push({ name: '', id: '', files: [], applicants: stray });
    // Cities in the official order (杭州、宁波、温州、湖州、嘉兴 …), then others, then applicants under no city.
    cities.sort((a, b) => compareCityNames(a.name, b.name) || compareCodePoints(a.id, b.id));
  }

  const applicants = cities.reduce((n, c) => n + c.applicants.length, 0);
  if (applicants === 0) findings.push(finding('INPUT_NO_APPLICANTS', {}, { file: '.' }));
  findings.push(
    finding('INPUT_KIND_DETECTED', {
      kindZh: KIND_TEXT[kind].zh,
      kindEn: KIND_TEXT[kind].en,
      reasonZh: reason.zh,
      reasonEn: reason.en,
      cities: cities.filter((c) => c.name !== '' || kind !== 'province').length,
      applicants,
    }),
  );
  return { root, kind, kindReason: reason, cities, findings };
}
