import { describe, expect, it } from 'vitest';
import { evidenceChecks } from '../src/validate/checks/evidence/index.js';

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, '')));

describe('evidence check codes', () => {
  const codes = evidenceChecks.flatMap((c) => Object.entries(c.codes));

  it('are SCREAMING_SNAKE_CASE and unique', () => {
    const names = codes.map(([code]) => code);
    for (const n of names) expect(n).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('have Chinese and English messages with the same placeholders, and how to fix', () => {
    for (const [code, meta] of codes) {
      expect([code, placeholders(meta.zh)]).toEqual([code, placeholders(meta.en)]);
      expect([code, placeholders(meta.fixZh)]).toEqual([code, placeholders(meta.fixEn)]);
      expect(meta.fixZh.length * meta.fixEn.length, code).toBeGreaterThan(0);
    }
  });

  it('have unique check ids under evidence.', () => {
    const ids = evidenceChecks.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(/^evidence\./);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
