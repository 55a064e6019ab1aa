/**
 * One measured run of the score pipeline, phase by phase, in this process: discover, read
 * (workbooks and evidence, on worker threads), evaluate (validate + score), the XLSX (with
 * results.json), 评审结果.html and the PDFs, then the all-or-nothing write. The same functions `yunshang score` calls.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { evaluate } from '../evaluate.js';
import { discover } from '../ingest/files/discover.js';
import { readDiscovered } from '../ingest/readSubmission.js';
import { loadRules } from '../rules/load.js';
import { renderOutputs } from '../cli/commands/score.js';
import { writeOutputFolder } from '../util/outputFolder.js';
import { isWorkbookName } from '../data/inputTree.js';
import { evidenceOf, inputLinks, type EvidenceByApplicant } from '../report/html/index.js';
import { writeBenchPage, type HtmlPageMeasure } from './htmlPage.js';

export const PHASES = ['discover', 'read', 'evaluate', 'xlsx', 'html', 'pdf', 'write'] as const;
export type Phase = (typeof PHASES)[number];

export interface RunMeasure {
  phases: Record<Phase, number>;
  /** Resident memory when each phase ended, in KB: which phase holds the memory. */
  rssAfterKb: Record<Phase, number>;
  total: number;
  applicants: number;
  workbooks: number;
  maxRssKb: number;
  /** Evidence files' sizes summed (bytes on disk) and the bytes of them read (EvidenceFile.bytesRead). */
  evidence: { files: number; onDisk: number; read: number };
  /** 评审结果.html as written by the run, and the pages of `htmlCopies` times as many applicants (written after the measured run). */
  html: HtmlPageMeasure[];
}


export async function measurePipeline(root: string, opts: { pdf: boolean; workers?: 'auto' | 'never'; htmlCopies?: number }): Promise<RunMeasure> {
  const rules = await loadRules();
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const rssAfterKb = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const start = performance.now();
  let t = start;
  const lap = (p: Phase) => {
    const now = performance.now();
    phases[p] += now - t;
    rssAfterKb[p] = Math.round(process.memoryUsage.rss() / 1024);
    t = now;
  };

  // The discovered tree and the packs die with this frame, as they do in `yunshang score`: only the
  // result lives on through the rendering phases.
  let applicants = 0;
  let workbooks = 0;
  const evidence = { files: 0, onDisk: 0, read: 0 };
  let evidencePaths: EvidenceByApplicant = {};
  const result = await (async () => {
    const found = await discover(root);
    lap('discover');
    const apps = found.cities.flatMap((c) => c.applicants);
    applicants = apps.length;
    workbooks =
      apps.reduce((n, a) => n + a.files.filter((f) => isWorkbookName(f.relPath)).length, 0) +
      found.cities.reduce((n, c) => n + c.files.filter((f) => isWorkbookName(f.relPath)).length, 0);
    const submission = await readDiscovered(found, rules, opts.workers ? { workers: opts.workers } : {});
    lap('read');
    for (const c of submission.cities)
      for (const a of c.applicants)
        for (const f of a.evidence) {
          evidence.files++;
          evidence.onDisk += f.size;
          evidence.read += f.bytesRead;
        }
    evidencePaths = evidenceOf(submission);
    return evaluate(submission, rules);
  })();
  lap('evaluate');
  const out = await mkdtemp(path.join(os.tmpdir(), 'yunshang-bench-out-'));
  try {
    // Each phase ends when renderOutputs says the next one starts (html, then pdf).
    let at: 'xlsx' | 'html' | 'pdf' = 'xlsx';
    const html = { evidence: evidencePaths, links: inputLinks(root, path.join(out, 'out')) };
    const files = await renderOutputs(result, rules, { lang: 'zh', pdf: opts.pdf, html }, (text) => {
      const next = text.includes('.html') ? 'html' : 'pdf';
      if (next !== at && (at === 'xlsx' || next === 'pdf')) {
        lap(at);
        at = next;
      }
    });
    lap(at);
    await writeOutputFolder(path.join(out, 'out'), files);
    lap('write');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  const measured = { phases, rssAfterKb, total: t - start, applicants, workbooks, maxRssKb: process.resourceUsage().maxRSS, evidence };
  const pages = [await writeBenchPage(result, evidencePaths, rules, root, 1)];
  if (opts.htmlCopies && opts.htmlCopies > 1) pages.push(await writeBenchPage(result, evidencePaths, rules, root, opts.htmlCopies));
  return { ...measured, html: pages };
}
