/**
 * The province PDF and every city's PDF of one run. A city PDF repeats its applicants' review pages,
 * so the city PDFs are drawn on worker threads while this thread draws the province PDF; this thread
 * then joins in on the cities left. Each document is drawn by the same deterministic code from the
 * same data, and placed by its index, so the bytes do not depend on which thread drew it.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import type { ReportFont } from './font.js';
import type { PdfLang } from './labels.js';
import { renderReviewPdfWithPlan } from './render.js';

/** Below this many applicants starting threads (≈0.3 s each) costs more than it saves. */
export const MIN_APPLICANTS_FOR_PDF_WORKERS = 300;

export interface AllPdfOptions {
  lang: PdfLang;
  /** The rules file scored with, when not the built-in one (the covers name it). */
  rulesFile?: string;
  timestamp?: Date;
  /** 'auto' (default): threads for a province-sized result; 'always' even for a few; 'never' in-process. */
  workers?: 'auto' | 'always' | 'never';
  /** Threads to start (default: os.availableParallelism()). */
  threads?: number;
  /** Told the pages drawn so far over all the documents, now and then (for a progress display). */
  onPages?: (drawn: number) => void;
}

/** What a city thread gets once. */
export interface CityPdfSetup {
  result: Result;
  rules: Rules;
  font: { bytes: Uint8Array; file: string; face?: string };
  options: { lang: PdfLang; timestamp?: Date; rulesFile?: string };
  cities: string[];
  /** Int32Array over it: the next city index to draw, shared by every thread. */
  counter: SharedArrayBuffer;
}

export type CityPdfAnswer = { index: number; pdf: Uint8Array; pages: number } | { index: number; error: string };

/** The compiled worker script; run from the TypeScript sources (tests), the built copy in dist/ is used. */
export function cityWorkerScript(): string | null {
  const here = fileURLToPath(new URL('./cityWorker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/]report[\\/]pdf[\\/]cityWorker\.js)$/, '$1dist$2');
  return built !== here && existsSync(built) ? built : null;
}

/**
 * 评审报告.pdf and one PDF per name in `cities` (same order). A city a thread failed to draw, or
 * that a dying thread held, is drawn again here, so a thread problem never loses a document.
 */
export async function renderAllPdfs(
  result: Result,
  rules: Rules,
  font: ReportFont,
  cities: readonly string[],
  opts: AllPdfOptions,
): Promise<{ province: Buffer; cities: Buffer[] }> {
  const options = {
    lang: opts.lang,
    ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
    ...(opts.rulesFile !== undefined ? { rulesFile: opts.rulesFile } : {}),
  };
  const out: (Buffer | undefined)[] = new Array(cities.length);
  const mode = opts.workers ?? 'auto';
  // The main thread draws the province PDF meanwhile, so one core is already taken: more threads than
  // the other cores only add copies of the result (memory) without adding speed.
  const cores = os.availableParallelism();
  const threads = Math.min(cities.length, Math.max(1, opts.threads ?? cores - 1));
  const worthIt = mode === 'always' || (mode === 'auto' && result.applicants.length >= MIN_APPLICANTS_FOR_PDF_WORKERS && cores > 1);
  const script = mode === 'never' || !worthIt || cities.length === 0 ? null : cityWorkerScript();

  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  // Pages of the documents finished (here or on a thread); the one being drawn here is added as it grows.
  let finished = 0;
  const documentDone = (pages: number) => {
    finished += pages;
    opts.onPages?.(finished);
  };
  let workersDone: Promise<void> = Promise.resolve();
  if (script) {
    const setup: CityPdfSetup = {
      result,
      rules,
      font: { bytes: font.buffer, file: font.file, ...(font.face ? { face: font.face } : {}) },
      options,
      cities: [...cities],
      counter,
    };
    workersDone = Promise.all(Array.from({ length: threads }, () => runWorker(script, setup, out, documentDone))).then(() => {});
  }
  const drawHere = async (city?: string): Promise<Buffer> => {
    const onPages = opts.onPages;
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, {
      ...options,
      ...(city === undefined ? {} : { city }),
      ...(onPages ? { onPages: (drawn: number) => onPages(finished + drawn) } : {}),
    });
    documentDone(plan.total);
    return pdf;
  };
  const province = await drawHere();
  // This thread takes cities from the same counter, then redoes whatever no thread delivered.
  for (let i = Atomics.add(next, 0, 1); i < cities.length; i = Atomics.add(next, 0, 1)) out[i] = await drawHere(cities[i]!);
  await workersDone;
  for (let i = 0; i < cities.length; i++) out[i] ??= await drawHere(cities[i]!);
  return { province, cities: out as Buffer[] };
}

/** Resolves when the thread has exited (or could not start); its PDFs are in `out` by index. */
function runWorker(script: string, setup: CityPdfSetup, out: (Buffer | undefined)[], documentDone: (pages: number) => void): Promise<void> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = new Worker(script, { workerData: setup });
    } catch {
      resolve();
      return;
    }
    w.on('message', (m: CityPdfAnswer) => {
      if (!('pdf' in m)) return;
      out[m.index] = Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength);
      documentDone(m.pages);
    });
    // A failed job is left empty and drawn again in the main thread, where its error surfaces.
    w.on('error', () => {});
    w.on('exit', () => resolve());
  });
}
