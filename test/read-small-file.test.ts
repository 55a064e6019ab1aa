import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSmallFile } from '../src/ingest/workers/portable.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a file in a reading thread', () => {
  it('gives every byte of empty, small, buffer-sized and larger files', async () => {
    for (const size of [0, 1, 4095, 4096, 65_535, 65_536, 65_537, 300_000]) {
      const bytes = randomBytes(size);
      const file = path.join(dir, `f${size}.bin`);
      await writeFile(file, bytes);
      expect(Buffer.compare(readSmallFile(file), bytes), `${size} bytes`).toBe(0);
    }
  });

  it('hands out copies: a later read does not change bytes already returned', async () => {
    const a = path.join(dir, 'a.bin');
    const b = path.join(dir, 'b.bin');
    await writeFile(a, Buffer.alloc(1000, 0x61));
    await writeFile(b, Buffer.alloc(1000, 0x62));
    const first = readSmallFile(a);
    readSmallFile(b);
    expect(first.every((byte) => byte === 0x61)).toBe(true);
  });

  it('fails on a missing file as readFileSync does', () => {
    expect(() => readSmallFile(path.join(dir, 'missing.bin'))).toThrow(/ENOENT/);
  });
});
