/**
 * Nothing in the repository cites a document it does not contain: code comments point to
 * docs/notice.md's sections (which must exist) or quote the notice, never an outside "SPEC 3.2".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) files(rel, out);
    else if (/\.(ts|md|json)$/.test(name)) out.push(rel);
  }
  return out;
}

// This test names the patterns it forbids, so it is left out of its own search.
const sources = [...files('src'), ...files('test'), ...files('docs'), 'README.md'].filter((f) => f !== 'test/repo-references.test.ts');

describe('references inside the repository', () => {
  it('cite no outside specification', () => {
    const offenders = sources.filter((f) => /\bSPEC \d|shared\/SPEC|\.\.\/shared\//.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('point only to sections docs/notice.md has', () => {
    const headings = new Set([...readFileSync(join(ROOT, 'docs/notice.md'), 'utf8').matchAll(/^## § (\S+)/gm)].map((m) => m[1]!));
    expect(headings.size).toBeGreaterThan(5);
    const cited = sources.flatMap((f) =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/docs\/notice\.md § (\S+?)(?=[\s,.;)）]|$)/g)].map((m) => ({ f, section: m[1]! })),
    );
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((c) => !headings.has(c.section))).toEqual([]);
  });
});
