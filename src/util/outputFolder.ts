/**
 * Every output the tool writes goes through here, so that nobody ever sees half of a run's outputs,
 * two runs never mix theirs, and the tool never writes into what it reads.
 *
 * An output folder (`score --out`, `validate --annotate`) is written as a whole: the complete set is
 * built in a staging folder beside it, then made visible by renaming the staging folder onto the
 * output's name (the previous set is moved aside first and removed once the new one is in place).
 * A lock file beside it lets one run at a time write there; a marker file inside every output folder
 * says it is ours, so discovery skips it and only a folder carrying it is ever replaced or removed.
 *
 * Single files (`template`, `draft-a3`) are written to a short temporary name in their folder and
 * renamed; an existing file is replaced only when asked (`--force`).
 *
 * What a stopped run leaves (SIGKILL, power cut) and how the next run treats it:
 * - killed before the swap: the previous set untouched; the staging folder is removed next time;
 * - killed between moving the previous set aside and moving the new one in (two renames, back to
 *   back): the output's name is missing for that instant; the next run writing there puts the
 *   previous set back before anything else, so the output holds the previous set, never a mix;
 * - killed after the swap: the new set in place; the previous set's folder is removed next time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { IoError, UsageError } from './errors.js';

/** The marker file in every output folder: discovery skips a folder that has one. */
export const OUTPUT_MARKER = '.yunshang-output';

const MARKER_TEXT =
  '本文件夹由 yunshang 生成，每次运行会整体替换其中的内容；请勿在此存放其他文件，也不要把它放进申报材料目录。\n' +
  'Written by yunshang and replaced as a whole by its next run: keep nothing else here.\n';

/** Names of the lock, staging and previous-set entries beside an output: `.yunshang-<hash>.lock` … */
const SIDE_PREFIX = '.yunshang-';

/** Whether a name is one of the lock, staging or previous-set entries this module leaves beside an output. */
export function isOutputSideEntry(name: string): boolean {
  return name.startsWith(SIDE_PREFIX) && /^\.yunshang-[0-9a-f]{10}\.(lock|new|old)(\.\d+)?$/.test(name);
}

/** One output file: a path relative to the output folder (`/`-separated) and its bytes. */
export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

// ── messages ────────────────────────────────────────────────────────────────────────────────

type ErrnoError = NodeJS.ErrnoException;

function codeOf(e: unknown): string | undefined {
  return (e as ErrnoError | undefined)?.code;
}

/** Why a file-system call failed, in words a clerk can act on (never the raw errno text). */
export function fsReason(e: unknown): string {
  switch (codeOf(e)) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '所在磁盘是只读的';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'ENAMETOOLONG':
      return '路径或文件名过长';
    case 'ENOTDIR':
      return '路径中有一段是文件而不是文件夹';
    case 'EISDIR':
      return '同名的是一个文件夹';
    case 'EEXIST':
      return '已存在同名文件';
    case 'EBUSY':
      return '正被其他程序占用';
    case 'ENOENT':
      return '该位置不存在或不能存放文件（可能是系统目录）';
    case 'EIO':
      return '磁盘读写出错';
    case 'ELOOP':
      return '符号链接形成循环';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多';
    case 'EXDEV':
      return '不在同一个磁盘上';
    default: {
      const code = codeOf(e);
      return code ? `系统错误 ${code}` : String((e as Error)?.message ?? e);
    }
  }
}

function ioError(what: string, e: unknown): IoError {
  return new IoError(`${what}：${fsReason(e)}`, { cause: e });
}

// ── folders ─────────────────────────────────────────────────────────────────────────────────

/**
 * Create `dir` and its missing parents, one level at a time. Node's `mkdir(…, { recursive: true })`
 * never returns when a parent exists but cannot hold folders (it retries the parent, which exists,
 * forever: `/proc/nope` on Linux); here a level that cannot be created is an error at once.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let st;
    try {
      st = await stat(at);
    } catch (e) {
      if (codeOf(e) !== 'ENOENT' && codeOf(e) !== 'ENOTDIR') throw ioError(`无法访问「${at}」`, e);
    }
    if (st) {
      if (!st.isDirectory()) throw new IoError(`「${at}」是一个文件，不是文件夹`);
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) throw new IoError(`「${at}」不存在`);
    at = up;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (e) {
      if (codeOf(e) === 'EEXIST' && (await stat(d).catch(() => null))?.isDirectory()) continue;
      throw ioError(`无法创建文件夹「${d}」`, e);
    }
  }
}

/** Whether `inner` is `outer` or lies below it (both absolute, resolved). */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended (for paths not yet made). */
async function realpathOfPlanned(p: string): Promise<string> {
  const rest: string[] = [];
  let at = resolve(p);
  for (;;) {
    try {
      return join(await realpath(at), ...rest);
    } catch {
      const up = dirname(at);
      if (up === at) return resolve(p);
      rest.unshift(basename(at));
      at = up;
    }
  }
}

/** How to show a path to the person who typed the command: relative to where they are when that is shorter (paths inside reports use `util/displayPath.ts`). */
export function consolePath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && rel.length < p.length ? rel : p;
}

/**
 * A folder beside the input for a command's outputs (`<input>-评审结果`): never inside the input, never
 * around it, so the next run reads neither.
 */
export function siblingOfInput(input: string, suffix: string): string {
  const abs = resolve(input);
  const name = basename(abs).replace(/\.zip$/i, '');
  return join(dirname(abs), `${name}${suffix}`);
}

/** Whether an output would lie inside the input ('inside') or the input inside it ('around'). */
export async function overlapWithInput(output: string, input: string): Promise<'inside' | 'around' | null> {
  const inputReal = await realpathOfPlanned(input);
  const outputReal = await realpathOfPlanned(output);
  if (within(outputReal, inputReal)) return 'inside';
  if (within(inputReal, outputReal)) return 'around';
  return null;
}

/**
 * Refuses an output inside the input (the next run would read it as submissions) and an input inside
 * the output (replacing the output would remove it). `proposal` is offered instead.
 */
export async function refuseOutputInInput(output: string, input: string, proposal: string): Promise<void> {
  const overlap = await overlapWithInput(output, input);
  if (overlap === 'inside') {
    throw new UsageError(
      `输出位置「${consolePath(output)}」在输入目录「${consolePath(input)}」之内，会被下次运行当作申报材料读取；` +
        `请改用输入目录之外的位置，例如 --out ${consolePath(proposal)}`,
    );
  }
  if (overlap === 'around') {
    throw new UsageError(
      `输入目录「${consolePath(input)}」在输出位置「${consolePath(output)}」之内，写出时会被替换；` +
        `请改用另一个位置，例如 --out ${consolePath(proposal)}`,
    );
  }
}

// ── the lock ────────────────────────────────────────────────────────────────────────────────

interface LockInfo {
  pid: number;
  host: string;
  nonce: string;
  target: string;
}

async function readLock(path: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return null;
    throw ioError(`无法读取锁文件「${path}」`, e);
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.nonce === 'string') return { pid: v.pid, host: String(v.host ?? ''), nonce: v.nonce, target: String(v.target ?? '') };
  } catch {
    // Garbage in a lock file (a disk error, a hand edit): nobody can be holding it.
  }
  return { pid: 0, host: hostname(), nonce: '', target: '' };
}

/**
 * Whether the run that wrote a lock may still be running. A lock from another machine (a shared
 * folder) cannot be checked and counts as held. On Linux a live pid that is not a Node process is a
 * reused pid, so the lock is stale.
 */
function holderAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true;
  // Our own pid: held by this very process, or left by an earlier one that had the same pid (containers).
  if (info.pid === process.pid) return heldHere.has(info.nonce);
  if (info.pid <= 0) return false;
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
  try {
    const cmd = readFileSync(`/proc/${info.pid}/cmdline`, 'utf8');
    return /node|yunshang/i.test(cmd);
  } catch {
    return true;
  }
}

/** Writes the lock's content to a side name, then links it in: the lock never exists half-written. */
async function createLock(path: string, text: string): Promise<boolean> {
  const side = `${path}.${process.pid}`;
  const fh = await open(side, 'w');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(side, path);
    return true;
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return false;
    // File systems without hard links (FAT on a USB stick): exclusive create instead.
    const fh2 = await open(path, 'wx').catch((e2: unknown) => {
      if (codeOf(e2) === 'EEXIST') return null;
      throw e2;
    });
    if (!fh2) return false;
    try {
      await fh2.writeFile(text);
    } finally {
      await fh2.close();
    }
    return true;
  } finally {
    await unlink(side).catch(() => undefined);
  }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is renamed aside and checked to be
 * the very one found stale; if another run took the lock in between, it is put back.
 */
async function removeStaleLock(path: string, stale: LockInfo): Promise<void> {
  const aside = `${path}.${process.pid}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await readLock(aside);
  if (moved && moved.nonce === stale.nonce && moved.pid === stale.pid) {
    await unlink(aside).catch(() => undefined);
    return;
  }
  await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** The nonces of the locks this process holds. */
const heldHere = new Set<string>();

class OutputLock {
  private constructor(
    readonly path: string,
    private readonly nonce: string,
  ) {}

  static async acquire(path: string, target: string): Promise<OutputLock> {
    const info: LockInfo = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex'), target };
    const text = `${JSON.stringify(info)}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      let created: boolean;
      try {
        created = await createLock(path, text);
      } catch (e) {
        throw ioError(`无法在「${consolePath(dirname(path))}」中写入`, e);
      }
      if (created) {
        heldHere.add(info.nonce);
        return new OutputLock(path, info.nonce);
      }
      const held = await readLock(path);
      if (!held) continue;
      if (holderAlive(held)) {
        const where = held.host !== hostname() ? `（计算机 ${held.host}）` : '';
        throw new IoError(
          `另一个 yunshang 进程（pid ${held.pid}${where}）正在写出「${consolePath(target)}」；请等它结束后再运行，或换一个输出位置。` +
            `如确认该进程已不存在，可删除锁文件「${consolePath(path)}」`,
        );
      }
      await removeStaleLock(path, held);
    }
    throw new IoError(`无法取得「${consolePath(target)}」的写入锁：其他进程在反复争用，请稍后重试`);
  }

  /** Still ours? Checked right before the swap, the one step two writers must never share. */
  async verify(): Promise<void> {
    const held = await readLock(this.path);
    if (held?.nonce !== this.nonce) throw new IoError(`「${consolePath(this.path)}」的写入锁已被其他进程取走，本次结果未写出`);
  }

  async release(): Promise<void> {
    const held = await readLock(this.path).catch(() => null);
    if (held?.nonce === this.nonce) await unlink(this.path).catch(() => undefined);
    heldHere.delete(this.nonce);
  }
}

// ── the test hook ───────────────────────────────────────────────────────────────────────────

/** The named instants of the write phase, in order; the kill test stops a run at each. */
export const WRITE_STEPS = ['locked', 'writing', 'staged', 'moved-aside', 'swapped', 'cleaned'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/**
 * A test hook: with `YUNSHANG_TEST_PAUSE_AT=<step>` the process says so on stderr and stops at that
 * step, its thread blocked (not awaiting, so nothing else happens meanwhile), until the file named by
 * `YUNSHANG_TEST_RESUME_FILE` exists — or for good, to be killed there (test/e2e-output-kill.test.ts).
 */
function reached(step: WriteStep): void {
  if (process.env.YUNSHANG_TEST_PAUSE_AT !== step) return;
  writeSync(2, `YUNSHANG_PAUSED ${step}\n`);
  const resume = process.env.YUNSHANG_TEST_RESUME_FILE;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!(resume && existsSync(resume))) Atomics.wait(pause, 0, 0, 20);
}

// ── the output folder ───────────────────────────────────────────────────────────────────────

export interface OutputFolderOptions {
  /** The input the command reads: the output may lie neither inside it nor around it. */
  input?: string;
  /** Offered instead when the output lies in the input (default: `<input>-输出`). */
  proposal?: string;
  /**
   * An existing folder without our marker that may still be replaced: given the folder and the names
   * directly in it, says whether they are a set of our own outputs written before markers existed.
   */
  adopt?: (dir: string, names: string[]) => Promise<boolean> | boolean;
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return false;
    throw ioError(`无法访问「${p}」`, e);
  }
}

async function hasMarker(dir: string): Promise<boolean> {
  return (await lstat(join(dir, OUTPUT_MARKER)).catch(() => null))?.isFile() ?? false;
}

/** Remove a folder of ours (it carries the marker, or is empty); anything else is left alone and reported. */
async function removeOurs(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => null);
  if (names === null) return;
  if (names.length > 0 && !names.includes(OUTPUT_MARKER)) {
    throw new IoError(`「${consolePath(dir)}」不是 yunshang 写出的文件夹（没有 ${OUTPUT_MARKER} 标记），请检查后手动处理`);
  }
  await rm(dir, { recursive: true, force: true });
}

async function writeMarker(dir: string): Promise<void> {
  await writeFileSynced(join(dir, OUTPUT_MARKER), MARKER_TEXT, 'w');
}

async function writeFileSynced(path: string, data: Uint8Array | string, flags: 'w' | 'wx'): Promise<void> {
  const fh = await open(path, flags);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Flushes a folder's entries (renames) to disk where the platform allows opening a folder. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close();
}

/** A relative output path as segments, refusing anything that could leave the folder. */
function segmentsOf(path: string): string[] {
  const segs = path.split('/');
  if (path === '' || segs.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')) || /^[A-Za-z]:/.test(path)) {
    throw new Error(`not a relative output path: ${path}`);
  }
  if (segs.length === 1 && segs[0] === OUTPUT_MARKER) throw new Error(`${OUTPUT_MARKER} is the folder's marker`);
  return segs;
}

/** Files written at once into the staging folder: enough to overlap their flushes, few enough for any disk. */
const WRITES_IN_FLIGHT = 8;

/**
 * One output folder being written. `open` checks the place, takes the lock and recovers what an
 * earlier stopped run left; `commit` writes the set and swaps it in; `release` gives the lock back
 * (and drops an uncommitted staging folder). Open it before the long work, so a bad `--out` or a run
 * already writing there is said at once.
 */
export class OutputFolder {
  private committed = false;
  private released = false;
  /** Set once this run made the staging folder: only then is it this run's to remove. */
  private staged = false;

  private constructor(
    /** The output folder's absolute path. */
    readonly path: string,
    private readonly staging: string,
    private readonly previous: string,
    private readonly lock: OutputLock,
    private readonly opts: OutputFolderOptions,
  ) {}

  static async open(dir: string, opts: OutputFolderOptions = {}): Promise<OutputFolder> {
    let target = resolve(dir);
    if (opts.input !== undefined) {
      await refuseOutputInInput(target, opts.input, opts.proposal ?? siblingOfInput(opts.input, '-输出'));
    }
    const st = await lstat(target).catch(() => null);
    if (st?.isSymbolicLink()) {
      // A link to a folder elsewhere: the folder it leads to is the output (the link stays a link).
      target = await realpath(target).catch((e: unknown) => {
        throw ioError(`无法使用输出位置「${consolePath(dir)}」`, e);
      });
      if (opts.input !== undefined) await refuseOutputInInput(target, opts.input, opts.proposal ?? siblingOfInput(opts.input, '-输出'));
    }
    const parent = dirname(target);
    if (parent === target) throw new UsageError(`不能把根目录「${target}」用作输出位置`);
    await ensureDir(parent);
    const hash = createHash('sha1').update(basename(target)).digest('hex').slice(0, 10);
    const side = (kind: string) => join(parent, `${SIDE_PREFIX}${hash}.${kind}`);
    const lock = await OutputLock.acquire(side('lock'), target);
    const folder = new OutputFolder(target, side('new'), side('old'), lock, opts);
    try {
      await folder.recover();
      await folder.checkOwnership();
      reached('locked');
      try {
        await mkdir(folder.staging);
        folder.staged = true;
        await writeMarker(folder.staging);
      } catch (e) {
        throw ioError(`无法在「${consolePath(parent)}」中写入`, e);
      }
    } catch (e) {
      await folder.release();
      throw e;
    }
    return folder;
  }

  /** Puts back or clears what a stopped run left beside the output (the lock is held). */
  private async recover(): Promise<void> {
    if (await exists(this.previous)) {
      // Stopped between moving the previous set aside and moving the new one in: the previous comes back.
      if (!(await exists(this.path))) await rename(this.previous, this.path);
      else await removeOurs(this.previous);
    }
    if (await exists(this.staging)) await removeOurs(this.staging);
  }

  /** The output must be missing, an empty folder, or one of ours; a folder of the user's is never replaced. */
  private async checkOwnership(): Promise<void> {
    const st = await stat(this.path).catch((e: unknown) => {
      if (codeOf(e) === 'ENOENT') return null;
      throw ioError(`无法访问输出位置「${consolePath(this.path)}」`, e);
    });
    if (!st) return;
    if (!st.isDirectory()) throw new IoError(`输出位置「${consolePath(this.path)}」已存在同名文件，不是文件夹；请换一个位置`);
    if (await hasMarker(this.path)) return;
    const names = await readdir(this.path).catch((e: unknown) => {
      throw ioError(`无法读取输出位置「${consolePath(this.path)}」`, e);
    });
    if (names.length === 0) return;
    if (this.opts.adopt && (await this.opts.adopt(this.path, names))) {
      // Earlier reports of ours, written before markers: marked now, so the swap may move them aside.
      await writeMarker(this.path).catch((e: unknown) => {
        throw ioError(`无法写入输出位置「${consolePath(this.path)}」`, e);
      });
      return;
    }
    throw new IoError(
      `输出位置「${consolePath(this.path)}」已有其他文件，不是 yunshang 写出的文件夹（其中没有 ${OUTPUT_MARKER} 标记）；` +
        `为免覆盖，请换一个新的或空的文件夹`,
    );
  }

  /** Writes every file into the staging folder, then swaps the set in with one rename. */
  async commit(files: readonly OutputFile[]): Promise<void> {
    if (this.committed || this.released) throw new Error('output folder already committed or released');
    const seen = new Set<string>();
    for (const f of files) {
      segmentsOf(f.path);
      if (seen.has(f.path)) throw new Error(`output written twice: ${f.path}`);
      seen.add(f.path);
    }
    await this.writeStaged(files);
    reached('staged');
    await syncDir(this.staging);
    // The user may have put something at the output's name while the run worked: check again.
    await this.checkOwnership();
    await this.lock.verify();
    const hadPrevious = await exists(this.path);
    if (hadPrevious) {
      try {
        await rename(this.path, this.previous);
      } catch (e) {
        const busy = ['EPERM', 'EACCES', 'EBUSY'].includes(codeOf(e) ?? '');
        throw new IoError(
          busy
            ? `无法替换输出位置「${consolePath(this.path)}」：其中的文件可能正被打开（如在 Excel 或 PDF 阅读器中），请关闭后重试`
            : `无法替换输出位置「${consolePath(this.path)}」：${fsReason(e)}`,
          { cause: e },
        );
      }
      reached('moved-aside');
    }
    try {
      await rename(this.staging, this.path);
    } catch (e) {
      if (hadPrevious) await rename(this.previous, this.path).catch(() => undefined);
      throw ioError(`无法写出到「${consolePath(this.path)}」`, e);
    }
    this.committed = true;
    reached('swapped');
    await syncDir(dirname(this.path));
    if (hadPrevious) await rm(this.previous, { recursive: true, force: true }).catch(() => undefined);
    reached('cleaned');
  }

  private async writeStaged(files: readonly OutputFile[]): Promise<void> {
    // Folders first, in file order, so two writers never race to make one.
    const made = new Set<string>();
    const places: { file: string; shown: string; data: Uint8Array | string }[] = [];
    for (const f of files) {
      const segs = segmentsOf(f.path);
      let dir = this.staging;
      for (const s of segs.slice(0, -1)) {
        dir = join(dir, s);
        if (made.has(dir)) continue;
        made.add(dir);
        await mkdir(dir).catch((e: unknown) => {
          if (codeOf(e) !== 'EEXIST') throw ioError(`无法在「${consolePath(this.path)}」中创建文件夹`, e);
        });
      }
      places.push({ file: join(dir, segs[segs.length - 1]!), shown: join(this.path, ...segs), data: f.data });
    }
    const half = Math.ceil(places.length / 2);
    let next = 0;
    let written = 0;
    const writer = async () => {
      while (next < places.length) {
        const p = places[next++]!;
        try {
          await writeFileSynced(p.file, p.data, 'wx');
        } catch (e) {
          throw ioError(`无法写出「${consolePath(p.shown)}」`, e);
        }
        if (++written === half) reached('writing');
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, places.length) }, writer));
  }

  /** Gives the lock back; an uncommitted staging folder is removed. Safe to call more than once. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.staged && !this.committed) await rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
    await this.lock.release();
  }
}

/** Open, commit and release in one call: the whole set of `files` in `dir`, or nothing. */
export async function writeOutputFolder(dir: string, files: readonly OutputFile[], opts: OutputFolderOptions = {}): Promise<void> {
  const folder = await OutputFolder.open(dir, opts);
  try {
    await folder.commit(files);
  } finally {
    await folder.release();
  }
}

// ── single files ────────────────────────────────────────────────────────────────────────────

export interface NewFile {
  /** Where the file goes (absolute or relative to the working directory). */
  path: string;
  data: Uint8Array | string;
}

export interface NewFilesOptions {
  /** Replace files that exist already (`--force`); without it an existing file stops the command. */
  force?: boolean;
  /** The input the command reads: no file may be written inside it. */
  input?: string;
  /** Offered instead when a file would land in the input. */
  proposal?: string;
}

/**
 * The checks `writeNewFiles` makes before writing, for a command to make them before its long work:
 * each place is outside the input, its folder exists or can be made, and no file is there (unless
 * `force`). Returns the absolute paths.
 */
export async function checkNewFiles(paths: readonly string[], opts: NewFilesOptions = {}): Promise<string[]> {
  const targets = paths.map((p) => resolve(p));
  for (const t of targets) {
    if (opts.input !== undefined) await refuseOutputInInput(t, opts.input, opts.proposal ?? siblingOfInput(opts.input, '-输出'));
    await ensureDir(dirname(t));
    const st = await lstat(t).catch(() => null);
    if (st?.isDirectory()) throw new IoError(`「${consolePath(t)}」是一个文件夹，不能用作输出文件`);
    if (st && !opts.force) throw new UsageError(`「${consolePath(t)}」已存在；如需覆盖，请加 --force`);
  }
  return targets;
}

/** A short temporary name in `dir`, so that no legal file name is ever pushed past the limit. */
function shortTempName(dir: string): string {
  return join(dir, `.ys-${randomBytes(4).toString('hex')}.tmp`);
}

/** Errors for which link() says "cannot" rather than "exists": file systems without hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes a few standalone files (blank forms, a draft 推荐排序表): each to a short temporary name in
 * its folder, flushed, then renamed. Every check (the place, existing files) is made before anything
 * is written; without `force` an existing file is never replaced, even one that appears meanwhile.
 */
export async function writeNewFiles(files: readonly NewFile[], opts: NewFilesOptions = {}): Promise<string[]> {
  const targets = await checkNewFiles(files.map((f) => f.path), opts);
  const temps: string[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const temp = shortTempName(dirname(targets[i]!));
      try {
        await writeFileSynced(temp, files[i]!.data, 'wx');
      } catch (e) {
        throw ioError(`无法写出「${consolePath(targets[i]!)}」`, e);
      }
      temps.push(temp);
    }
    for (let i = 0; i < files.length; i++) {
      const [temp, target] = [temps[i]!, targets[i]!];
      try {
        if (opts.force) {
          await rename(temp, target);
        } else {
          try {
            await link(temp, target);
            await unlink(temp);
          } catch (e) {
            if (!NO_LINKS.has(codeOf(e) ?? '')) throw e;
            if (await exists(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
            await rename(temp, target);
          }
        }
      } catch (e) {
        if (codeOf(e) === 'EEXIST') throw new UsageError(`「${consolePath(target)}」已存在；如需覆盖，请加 --force`);
        throw ioError(`无法写出「${consolePath(target)}」`, e);
      }
    }
  } finally {
    await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)));
  }
  return targets;
}
