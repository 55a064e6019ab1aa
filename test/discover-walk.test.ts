import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/ingest/files/discover.js';
import { limiter } from '../src/ingest/files/limiter.js';
import { tempDir, writeTree, xlsxBytes } from './files-helpers.js';

describe('discover: walking the disk', () => {
  it('gives every file its size on disk, though files are stat-ed only when their size is asked for', async () => {
    const root = await tempDir();
    const a1 = await xlsxBytes();
    await writeTree(root, {
      '杭州市/甲公司/附件1-申报表.xlsx': a1,
      '杭州市/甲公司/证明材料/营业执照.pdf': 'x'.repeat(1234),
      '杭州市/甲公司/证明材料/空文件.png': '',
    });
    const d = await discover(root);
    const files = d.cities[0]!.applicants[0]!.files;
    expect(files.map((f) => [f.relPath, f.size])).toEqual([
      ['证明材料/空文件.png', 0],
      ['证明材料/营业执照.pdf', 1234],
      ['附件1-申报表.xlsx', a1.length],
    ]);
  });

  it('gives a linked file the size of its target', async () => {
    const root = await tempDir();
    await writeTree(root, { '杭州市/甲公司/附件1-申报表.xlsx': await xlsxBytes(), '共享/营业执照.pdf': 'y'.repeat(77) });
    await mkdir(join(root, '杭州市/甲公司/证明材料'), { recursive: true });
    await symlink(join(root, '共享/营业执照.pdf'), join(root, '杭州市/甲公司/证明材料/营业执照.pdf'));
    const d = await discover(root);
    const linked = d.cities.flatMap((c) => c.applicants)[0]!.files.find((f) => f.relPath === '证明材料/营业执照.pdf');
    expect(linked?.size).toBe(77);
  });

  it('walks a wide tree completely and in code-point order', async () => {
    const root = await tempDir();
    const names = Array.from({ length: 120 }, (_, i) => `公司${String(i).padStart(3, '0')}`);
    const a1 = await xlsxBytes();
    for (const n of names) {
      await mkdir(join(root, '杭州市', n, '证明材料'), { recursive: true });
      await writeFile(join(root, '杭州市', n, '附件1-申报表.xlsx'), a1);
      for (let k = 0; k < 5; k++) await writeFile(join(root, '杭州市', n, '证明材料', `截图${k}.png`), 'p');
    }
    const d = await discover(root);
    const apps = d.cities[0]!.applicants;
    expect(apps.map((a) => a.folderName)).toEqual(names);
    for (const a of apps) expect(a.files).toHaveLength(6);
  });
});

describe('limiter', () => {
  it('never runs more tasks at once than its size, and every task gets its own result', async () => {
    const limit = limiter(3);
    let running = 0;
    let most = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setImmediate(r));
          running--;
          if (i === 7) throw new Error('task 7 failed');
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(results[7]).toEqual({ status: 'rejected', reason: new Error('task 7 failed') });
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(
      Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7),
    );
  });

  it('turns a task that throws before returning a promise into a rejection', async () => {
    const limit = limiter(1);
    await expect(limit(() => { throw new Error('at once'); })).rejects.toThrow('at once');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });
});
