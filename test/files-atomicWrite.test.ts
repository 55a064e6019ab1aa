import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../src/util/atomicWrite.js';
import { tempDir } from './files-helpers.js';

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    await writeFileAtomic(join(dir, 'results.json'), '{"schemaVersion":1}');
    expect(await readFile(join(dir, 'results.json'), 'utf8')).toBe('{"schemaVersion":1}');
    expect(await readdir(dir)).toEqual(['results.json']);
  });

  it('replaces an existing file with bytes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '评审结果.xlsx'), 'old');
    await writeFileAtomic(join(dir, '评审结果.xlsx'), new Uint8Array([1, 2, 3]));
    expect([...(await readFile(join(dir, '评审结果.xlsx')))]).toEqual([1, 2, 3]);
  });

  it('removes its temporary file and rethrows when the rename fails', async () => {
    const dir = await tempDir();
    // A non-empty folder where the file should go: the rename cannot replace it.
    await mkdir(join(dir, '评审报告.pdf'));
    await writeFile(join(dir, '评审报告.pdf', 'keep.txt'), 'keep');
    await expect(writeFileAtomic(join(dir, '评审报告.pdf'), 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['评审报告.pdf']);
    expect(await readFile(join(dir, '评审报告.pdf', 'keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('writeFilesAtomic', () => {
  it('writes every file when all succeed', async () => {
    const dir = await tempDir();
    await writeFilesAtomic([
      { path: join(dir, 'a.json'), data: 'a' },
      { path: join(dir, 'b.json'), data: 'b' },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
  });

  it('keeps the previous reports intact and leaves no partial file when one write fails', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'results.json'), 'old results');
    await writeFile(join(dir, '评审结果.xlsx'), 'old xlsx');
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'results.json'), data: 'new results' },
        { path: join(dir, '评审结果.xlsx'), data: 'new xlsx' },
        // Its folder does not exist, so its temporary file cannot be created.
        { path: join(dir, '不存在的文件夹', '评审报告.pdf'), data: 'new pdf' },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, 'results.json'), 'utf8')).toBe('old results');
    expect(await readFile(join(dir, '评审结果.xlsx'), 'utf8')).toBe('old xlsx');
    expect((await readdir(dir)).sort()).toEqual(['results.json', '评审结果.xlsx']);
  });

  it('refuses, before replacing anything, when one target is a folder, and leaves the folder alone', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'results.json'), 'old results');
    await mkdir(join(dir, 'cities', '杭州市.pdf'), { recursive: true });
    await writeFile(join(dir, 'cities', '杭州市.pdf', 'keep.txt'), 'keep');
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'results.json'), data: 'new results' },
        { path: join(dir, 'cities', '杭州市.pdf'), data: 'new pdf' },
      ]),
    ).rejects.toThrow(/folder/);
    expect(await readFile(join(dir, 'results.json'), 'utf8')).toBe('old results');
    expect(await readFile(join(dir, 'cities', '杭州市.pdf', 'keep.txt'), 'utf8')).toBe('keep');
    expect((await readdir(dir)).sort()).toEqual(['cities', 'results.json']);
  });

  it('leaves no backup of the replaced reports behind', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.json'), 'old a');
    await writeFilesAtomic([{ path: join(dir, 'a.json'), data: 'new a' }]);
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new a');
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});
