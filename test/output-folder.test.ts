/**
 * The output writer on real folders: a set appears whole, replaces the previous one whole, never
 * replaces a folder that is not ours, recovers what a stopped run left, and is locked against a
 * second writer. Single files go through short temporary names and are never overwritten unasked.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ensureDir,
  OUTPUT_MARKER,
  OutputFolder,
  refuseOutputInInput,
  writeNewFiles,
  writeOutputFolder,
} from '../src/util/outputFolder.js';
import { tempDir, writeTree } from './files-helpers.js';

/** The names the writer keeps beside `out` (lock, staging, previous set). */
function side(parent: string, name: string, kind: 'lock' | 'new' | 'old'): string {
  return join(parent, `.yunshang-${createHash('sha1').update(name).digest('hex').slice(0, 10)}.${kind}`);
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((p) => p.split('\\').join('/')).sort();
}

describe('writeOutputFolder', () => {
  it('writes the whole set with its marker and leaves nothing beside it', async () => {
    const parent = await tempDir();
    const out = join(parent, 'out');
    await writeOutputFolder(out, [
      { path: 'results.json', data: '{}' },
      { path: 'cities/杭州市.pdf', data: new Uint8Array([1, 2]) },
    ]);
    expect(await listing(out)).toEqual([OUTPUT_MARKER, 'cities', 'cities/杭州市.pdf', 'results.json']);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('replaces the previous set as a whole: a city PDF no longer written is gone', async () => {
    const parent = await tempDir();
    const out = join(parent, 'out');
    await writeOutputFolder(out, [
      { path: 'results.json', data: 'old' },
      { path: 'cities/温州市.pdf', data: 'old' },
    ]);
    await writeOutputFolder(out, [{ path: 'results.json', data: 'new' }]);
    expect(await listing(out)).toEqual([OUTPUT_MARKER, 'results.json']);
    expect(await readFile(join(out, 'results.json'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('writes into an empty folder of the user, and refuses one holding anything else, touching nothing', async () => {
    const parent = await tempDir();
    await mkdir(join(parent, 'empty'));
    await writeOutputFolder(join(parent, 'empty'), [{ path: 'a.txt', data: 'a' }]);
    expect(await listing(join(parent, 'empty'))).toEqual([OUTPUT_MARKER, 'a.txt']);

    await writeTree(parent, { 'mine/论文.docx': 'precious' });
    await expect(writeOutputFolder(join(parent, 'mine'), [{ path: 'a.txt', data: 'a' }])).rejects.toThrow(/不是 yunshang 写出的文件夹/);
    expect(await listing(join(parent, 'mine'))).toEqual(['论文.docx']);
    expect((await readdir(parent)).sort()).toEqual(['empty', 'mine']);
  });

  it('replaces an unmarked folder only when the caller recognises it as earlier outputs', async () => {
    const parent = await tempDir();
    await writeTree(parent, { 'out/results.json': 'v0', 'out/results.json.tmp-123-0123456789ab': 'half' });
    const adopt = (_dir: string, names: string[]) => names.every((n) => n.startsWith('results.json'));
    await writeOutputFolder(join(parent, 'out'), [{ path: 'results.json', data: 'v1' }], { adopt });
    expect(await listing(join(parent, 'out'))).toEqual([OUTPUT_MARKER, 'results.json']);
  });

  it('refuses a file where the folder should be, and paths that leave the folder', async () => {
    const parent = await tempDir();
    await writeFile(join(parent, 'out'), 'a file');
    await expect(writeOutputFolder(join(parent, 'out'), [])).rejects.toThrow(/已存在同名文件，不是文件夹/);
    await expect(writeOutputFolder(join(parent, 'o2'), [{ path: '../escape.txt', data: 'x' }])).rejects.toThrow(/not a relative output path/);
    expect((await readdir(parent)).sort()).toEqual(['out']);
  });

  it('writes a file whose name is 250 bytes long (no suffix is ever added to it)', async () => {
    const parent = await tempDir();
    const name = `${'申报材料'.repeat(20)}${'x'.repeat(250 - 240 - 5)}.xlsx`;
    expect(Buffer.byteLength(name)).toBe(250);
    await writeOutputFolder(join(parent, 'out'), [{ path: `杭州市/${name}`, data: 'x' }]);
    expect(await readdir(join(parent, 'out', '杭州市'))).toEqual([name]);
  });
});

describe('what a stopped run left is recovered by the next', () => {
  it('puts the previous set back when the stop came between moving it aside and moving the new one in', async () => {
    const parent = await tempDir();
    // The state right after `out` → previous and before staging → `out`.
    await writeTree(side(parent, 'out', 'old'), { [OUTPUT_MARKER]: 'x', 'results.json': 'previous' });
    await writeTree(side(parent, 'out', 'new'), { [OUTPUT_MARKER]: 'x', 'results.json': 'new but never shown' });
    const folder = await OutputFolder.open(join(parent, 'out'));
    expect(await readFile(join(parent, 'out', 'results.json'), 'utf8')).toBe('previous');
    await folder.release();
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('removes the previous set left after a finished swap, and a half-written staging folder', async () => {
    const parent = await tempDir();
    await writeTree(parent, { [`out/${OUTPUT_MARKER}`]: 'x', 'out/results.json': 'current' });
    await writeTree(side(parent, 'out', 'old'), { [OUTPUT_MARKER]: 'x', 'results.json': 'previous' });
    await writeTree(side(parent, 'out', 'new'), { [OUTPUT_MARKER]: 'x', 'results.json': 'half' });
    await (await OutputFolder.open(join(parent, 'out'))).release();
    expect(await readdir(parent)).toEqual(['out']);
    expect(await readFile(join(parent, 'out', 'results.json'), 'utf8')).toBe('current');
  });

  it('never removes a folder at a staging name that is not ours', async () => {
    const parent = await tempDir();
    await writeTree(side(parent, 'out', 'new'), { '论文.docx': 'precious' });
    await expect(OutputFolder.open(join(parent, 'out'))).rejects.toThrow(/不是 yunshang 写出的文件夹/);
    expect(await readdir(side(parent, 'out', 'new'))).toEqual(['论文.docx']);
  });
});

describe('the lock beside an output', () => {
  it('stops a second writer, naming the holder, and lets it in once released', async () => {
    const parent = await tempDir();
    const first = await OutputFolder.open(join(parent, 'out'));
    await expect(OutputFolder.open(join(parent, 'out'))).rejects.toThrow(new RegExp(`pid ${process.pid}`));
    await first.commit([{ path: 'a.txt', data: 'a' }]);
    await first.release();
    await writeOutputFolder(join(parent, 'out'), [{ path: 'b.txt', data: 'b' }]);
    expect(await listing(join(parent, 'out'))).toEqual([OUTPUT_MARKER, 'b.txt']);
  });

  it('takes over a lock whose process is gone, and respects one whose process lives', async () => {
    const parent = await tempDir();
    const lock = side(parent, 'out', 'lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(lock, JSON.stringify({ pid: child.pid, host: (await import('node:os')).hostname(), nonce: 'theirs', target: 'out' }));
      await expect(writeOutputFolder(join(parent, 'out'), [])).rejects.toThrow(new RegExp(`另一个 yunshang 进程（pid ${child.pid}）`));
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    await writeOutputFolder(join(parent, 'out'), [{ path: 'a.txt', data: 'a' }]);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('takes over a lock file holding garbage', async () => {
    const parent = await tempDir();
    await writeFile(side(parent, 'out', 'lock'), 'not json');
    await writeOutputFolder(join(parent, 'out'), [{ path: 'a.txt', data: 'a' }]);
    expect(await readdir(parent)).toEqual(['out']);
  });
});

describe.skipIf(process.platform !== 'linux')('places that cannot take files', () => {
  it('fails at once under /proc instead of retrying forever', async () => {
    await expect(ensureDir('/proc/nope/deeper')).rejects.toThrow('无法创建文件夹「/proc/nope」：该位置不存在或不能存放文件（可能是系统目录）');
    await expect(writeOutputFolder('/proc/nope', [])).rejects.toThrow(/无法在「\/proc」中写入/);
  });

  it('says which part of the path is a file', async () => {
    const parent = await tempDir();
    await writeFile(join(parent, 'a-file'), 'x');
    await expect(ensureDir(join(parent, 'a-file', 'out'))).rejects.toThrow(`「${join(parent, 'a-file')}」是一个文件，不是文件夹`);
  });
});

describe('an output and its input', () => {
  it('refuses an output inside the input and an input inside the output, proposing the sibling', async () => {
    const parent = await tempDir();
    await writeTree(parent, { 'subs/杭州市/a.txt': 'x' });
    const input = join(parent, 'subs');
    await expect(refuseOutputInInput(join(input, 'out'), input, join(parent, 'subs-评审结果'))).rejects.toThrow(/在输入目录.*之内.*--out .*subs-评审结果/);
    await expect(refuseOutputInInput(parent, input, join(parent, 'subs-评审结果'))).rejects.toThrow(/在输出位置.*之内/);
    await expect(refuseOutputInInput(join(parent, 'subs-评审结果'), input, '')).resolves.toBeUndefined();
    await expect(refuseOutputInInput(join(parent, 'subs2'), input, '')).resolves.toBeUndefined();
  });
});

describe('writeNewFiles', () => {
  it('writes files through short temporary names and refuses to replace one unless forced', async () => {
    const dir = await tempDir();
    const name = `${'附件'.repeat(41)}1234.xlsx`;
    expect(Buffer.byteLength(name)).toBe(255);
    await writeNewFiles([{ path: join(dir, name), data: 'v1' }]);
    await expect(writeNewFiles([{ path: join(dir, name), data: 'v2' }])).rejects.toThrow(/已存在；如需覆盖，请加 --force/);
    expect(await readFile(join(dir, name), 'utf8')).toBe('v1');
    await writeNewFiles([{ path: join(dir, name), data: 'v2' }], { force: true });
    expect(await readFile(join(dir, name), 'utf8')).toBe('v2');
    expect(await readdir(dir)).toEqual([name]);
  });

  it('checks every file before writing any', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'b.xlsx'), 'keep');
    await expect(writeNewFiles([{ path: join(dir, 'a.xlsx'), data: 'a' }, { path: join(dir, 'b.xlsx'), data: 'b' }])).rejects.toThrow(/b\.xlsx」已存在/);
    expect(await readdir(dir)).toEqual(['b.xlsx']);
    await rm(dir, { recursive: true });
  });
});
