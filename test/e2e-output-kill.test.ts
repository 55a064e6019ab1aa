/**
 * "All or nothing, for real": a real `yunshang score` killed with SIGKILL at every named step of its
 * write phase (held there by the test hook), alternating between two inputs whose report sets differ
 * in names and bytes. After each kill `out/` holds exactly the previous set or exactly the new one —
 * or, killed between the two renames, nothing yet with the previous set complete beside it — and the
 * next run, before anything else, leaves exactly one complete set in `out/`. At the end no leftover
 * remains beside it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProvince } from '../src/fixtures/province.js';
import { writeProvince } from '../src/fixtures/write.js';
import { loadRules } from '../src/rules/load.js';
import { WRITE_STEPS } from '../src/util/outputFolder.js';
import { cli, sameSet, snapshot, startPaused } from './e2e-output-helpers.js';

let work: string;
let out: string;
/** Two runs whose sets differ: the province in English, one city in Chinese. */
let variants: { args: string[]; set: Map<string, string> }[];

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-kill-'));
  const province = join(work, 'province');
  await writeProvince(planProvince({ applicants: 3, seed: 11, defects: false }), province, await loadRules());
  const city = join(province, (await readdir(province)).sort()[0]!);
  const argsOf = (input: string, lang: string) => ['score', input, '--out', join(work, 'out'), '--no-pdf', '--quiet', '--lang', lang];
  variants = [];
  for (const [input, lang] of [
    [province, 'en'],
    [city, 'zh'],
  ] as const) {
    const model = join(work, `model-${lang}`);
    const r = cli(['score', input, '--out', model, '--no-pdf', '--quiet', '--lang', lang]);
    expect(r.status, r.stderr).toBe(0);
    variants.push({ args: argsOf(input, lang), set: (await snapshot(model))! });
    await rm(model, { recursive: true });
  }
  expect(sameSet(variants[0]!.set, variants[1]!.set)).toBe(false);
  out = join(work, 'out');
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const previousSide = () => join(work, `.yunshang-${createHash('sha1').update('out').digest('hex').slice(0, 10)}.old`);

describe('score killed at each step of its write phase', () => {
  it('leaves the previous set or the new one, never a mix, and the next run starts from one complete set', { timeout: 600_000 }, async () => {
    const first = cli(variants[0]!.args);
    expect(first.status, first.stderr).toBe(0);
    let current = variants[0]!;
    let trial = 0;
    // Every step twice, once in each direction, so each kill replaces a set by one with other names.
    for (const step of [...WRITE_STEPS, ...WRITE_STEPS]) {
      const next = variants[++trial % 2]!;
      const run = startPaused(next.args, step);
      await run.paused;
      const killed = await run.kill();
      expect(killed.signal, `${step}: ${killed.stderr}`).toBe('SIGKILL');

      const now = await snapshot(out);
      const label = `trial ${trial}, killed at ${step}`;
      if (step === 'moved-aside') expect(now, `${label}: out/ is moved aside here`).toBeNull();
      if (now === null) {
        // Only between the two renames: the previous set waits complete beside `out`.
        expect(step, label).toBe('moved-aside');
        expect(sameSet(await snapshot(previousSide()), current.set), label).toBe(true);
      } else {
        expect(sameSet(now, current.set) || sameSet(now, next.set), label).toBe(true);
      }
      const shown = sameSet(now, next.set) ? next : current;

      // The next run recovers before anything else: stopped right after, `out/` is one complete set.
      const probe = startPaused(variants[trial % 2 === 0 ? 1 : 0]!.args, 'locked');
      await probe.paused;
      expect(sameSet(await snapshot(out), shown.set), `${label}, after recovery`).toBe(true);
      await probe.kill();
      current = shown;
    }
    const last = cli(variants[0]!.args);
    expect(last.status, last.stderr).toBe(0);
    expect(sameSet(await snapshot(out), variants[0]!.set)).toBe(true);
    expect((await readdir(work)).filter((n) => n !== 'province').sort()).toEqual(['out']);
  });
});
