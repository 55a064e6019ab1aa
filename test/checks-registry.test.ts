/**
 * The check registry in one style: each module under src/validate/checks/<folder>/<file>.ts exports
 * `<file>Check` with the id `<folder>.<file>`, a Chinese description and the notice's clause; the
 * registry lists every one of them once.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checks } from '../src/validate/registry.js';

const ROOT = join(import.meta.dirname, '../src/validate/checks');

async function checkModules(): Promise<{ folder: string; file: string; exports: Record<string, unknown> }[]> {
  const out = [];
  for (const folder of readdirSync(ROOT).sort())
    for (const f of readdirSync(join(ROOT, folder)).sort()) {
      if (!f.endsWith('.ts') || f === 'index.ts') continue;
      const exports = (await import(pathToFileURL(join(ROOT, folder, f)).href)) as Record<string, unknown>;
      out.push({ folder, file: basename(f, '.ts'), exports });
    }
  return out;
}

const isCheck = (v: unknown): v is { id: string; description: string; notice: string } =>
  typeof v === 'object' && v !== null && 'run' in v && 'codes' in v && 'id' in v;

describe('the check registry', () => {
  it('names each check after its module, describes it in Chinese and quotes the notice', async () => {
    const found: string[] = [];
    for (const { folder, file, exports } of await checkModules()) {
      for (const [name, value] of Object.entries(exports)) {
        if (!isCheck(value)) continue;
        expect(name).toBe(`${file}Check`);
        expect(value.id).toBe(`${folder}.${file}`);
        expect(value.description).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
        expect(value.notice).toMatch(/[\u4e00-\u9fff]/);
        found.push(value.id);
      }
    }
    expect(found.length).toBeGreaterThan(10);
    expect(checks.map((c) => c.id).sort()).toEqual(found.sort());
  });
});

describe('the lists that mirror a type', () => {
  it('A1_NUMBER_KEYS holds exactly the 附件1 fields the layout reads as numbers', async () => {
    const { A1_NUMBER_KEYS } = await import('../src/model/records.js');
    const { A1_FIELDS } = await import('../src/forms/layout.js');
    expect([...A1_NUMBER_KEYS].sort()).toEqual(A1_FIELDS.filter((f) => f.kind === 'number').map((f) => f.key).sort());
  });
});
