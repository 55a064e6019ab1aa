/**
 * The layers of src/, read from the README's `layers` block (their one home), held against every
 * import in src/: downward or sideways only, no two folders leaning on each other, no cycles, and
 * no file system in the pure layers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** The README's layers, lowest first: each line's leading names, up to the description. */
function readmeLayers(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```layers\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```layers block');
  return block[1]!
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(/\s{2,}/)[0]!.trim().split(/\s+/));
}

/** Layers checks and scoring live in: pure functions of records and rules, no file system. */
const PURE = ['model', 'findings', 'data', 'forms', 'score', 'expert', 'validate', 'decisions', 'evaluate.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `src/a/b.ts` → `a/b.ts`, with forward slashes on every platform. */
function rel(file: string): string {
  return relative(SRC, file).split(sep).join('/');
}

/** The top-level folder (or root file) a module belongs to. */
function unit(relPath: string): string {
  return relPath.split('/')[0]!;
}

interface Import {
  from: string;
  to: string;
  specifier: string;
  /** A script started as a thread: a dependency for layering, but a separate module graph. */
  thread: boolean;
}

/** Relative imports, `export … from`, `import()` and `new URL('./x.js', import.meta.url)` (worker scripts). */
function importsOf(file: string, known: Set<string>): { imports: Import[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => ({ specifier: f.fileName, thread: false }));
  for (const m of text.matchAll(/new URL\(\s*'(\.[^']+\.js)'\s*,\s*import\.meta\.url\s*\)/g)) specs.push({ specifier: m[1]!, thread: true });
  const imports: Import[] = [];
  const packages: string[] = [];
  for (const { specifier, thread } of specs) {
    if (!specifier.startsWith('.')) {
      packages.push(specifier);
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(rel(file)), specifier));
    const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.d.ts'), target];
    const to = candidates.find((c) => known.has(c));
    // Imports outside src/ (package.json, fonts) are not modules of ours.
    if (to === undefined && target.startsWith('..')) continue;
    if (to === undefined) throw new Error(`${rel(file)}: cannot resolve ${specifier}`);
    imports.push({ from: rel(file), to, specifier, thread });
  }
  return { imports, packages };
}

/** Strongly connected components with more than one member (or a self-import): the cycles. */
function cycles(nodes: Iterable<string>, edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || edges.get(v)?.has(v)) found.push(scc.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

const layers = readmeLayers();
const layerOf = new Map(layers.flatMap((names, i) => names.map((n) => [n, i] as const)));
const files = sourceFiles(SRC);
const known = new Set(files.map(rel));
const graph = files.map((f) => ({ file: rel(f), ...importsOf(f, known) }));
const imports = graph.flatMap((g) => g.imports);

describe('the layers of src/', () => {
  it('reads the layers from the README and finds imports to check', () => {
    expect(layers.length).toBeGreaterThan(5);
    expect(imports.length).toBeGreaterThan(300);
  });

  it('places every folder of src/ in a layer of the README', () => {
    const missing = [...new Set([...known].map(unit))].filter((u) => !layerOf.has(u));
    expect(missing, 'add these to the ```layers block of README.md').toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const upward = imports
      .filter((i) => layerOf.get(unit(i.to))! > layerOf.get(unit(i.from))!)
      .map((i) => `${i.from} imports ${i.specifier} (${unit(i.to)} is above ${unit(i.from)})`);
    expect(upward).toEqual([]);
  });

  it('has no two folders importing each other', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      const [a, b] = [unit(i.from), unit(i.to)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    const lean = (a: string, b: string) => imports.filter((i) => unit(i.from) === a && unit(i.to) === b).map((i) => `${i.from} → ${i.to}`);
    const found = cycles(layerOf.keys(), edges).map((scc) => scc.flatMap((a) => scc.flatMap((b) => (a === b ? [] : lean(a, b)))));
    expect(found).toEqual([]);
  });

  it('has no import cycle between modules (type-only imports included)', () => {
    const edges = new Map<string, Set<string>>();
    // A thread script may take its message types from the module that starts it: no cycle of imports.
    for (const i of imports.filter((i) => !i.thread)) edges.set(i.from, (edges.get(i.from) ?? new Set()).add(i.to));
    expect(cycles(known, edges)).toEqual([]);
  });

  it('keeps the file system out of the pure layers (checks, scoring, evaluation)', () => {
    const touching = graph
      .filter((g) => PURE.includes(unit(g.file)))
      .flatMap((g) => g.packages.filter((p) => /^(node:)?(fs|fs\/promises|child_process)$/.test(p)).map((p) => `${g.file} imports ${p}`));
    expect(touching).toEqual([]);
  });
});
