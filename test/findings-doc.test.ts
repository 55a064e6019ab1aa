import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogue, type FindingCode } from '../src/report/catalogue.js';
import type { Check } from '../src/validate/check.js';
import { numbersCheck } from '../src/validate/checks/values/numbers.js';
import { findingsReference } from '../src/report/findingsDoc.js';
import { FINDINGS_DOC } from '../src/report/writeFindingsDoc.js';

/**
 * Placeholders of a template. A zh placeholder and its en counterpart may differ only by a language
 * suffix (`{indicator}` / `{indicatorEn}`, `{kindZh}` / `{kind}`): the value is the same fact.
 */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(En|Zh)$/, '')))].sort();
}

describe('the findings catalogue and docs/findings.md', () => {
  it('gives every code a non-empty zh and en message and a way to fix it in both languages', () => {
    expect(catalogue.size).toBeGreaterThan(0);
    for (const e of catalogue.values()) {
      for (const k of ['zh', 'en', 'fixZh', 'fixEn'] as const) expect(e[k].trim(), `${e.code}.${k}`).not.toBe('');
    }
  });

  it('uses the same placeholders in the zh and en message of every code', () => {
    for (const e of catalogue.values()) expect(placeholders(e.en), e.code).toEqual(placeholders(e.zh));
  });

  it('types every code: a misspelt code does not compile, and a check can report only its own codes', () => {
    const known: FindingCode = 'A3_ROW_WITHOUT_PACK';
    // @ts-expect-error a code no table defines (\`npm test\` type-checks this file)
    const typo: FindingCode = 'A3_ROW_WITHOUT_PAK';
    expect(catalogue.has(known)).toBe(true);
    expect(catalogue.has(typo)).toBe(false);
    type NumbersCode = typeof numbersCheck extends Check<infer T> ? keyof T : never;
    const own: NumbersCode = 'NEGATIVE_VALUE';
    // @ts-expect-error a code of another check (presence's)
    const other: NumbersCode = 'A1_MISSING';
    expect(numbersCheck.codes).toHaveProperty(own);
    expect(numbersCheck.codes).not.toHaveProperty(other);
  });

  it('names every code with SCREAMING_SNAKE_CASE', () => {
    for (const code of catalogue.keys()) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('lists every code of the catalogue in the reference, with both messages', () => {
    const md = findingsReference();
    for (const e of catalogue.values()) {
      expect(md).toContain(`| \`${e.code}\` |`);
    }
    expect(md).toBe(findingsReference());
  });

  it('matches docs/findings.md on disk (run `npm run docs` after changing a code)', async () => {
    const onDisk = await readFile(FINDINGS_DOC, 'utf8');
    expect(onDisk).toBe(findingsReference());
  });
});
