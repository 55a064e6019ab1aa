/**
 * 评审结果.html in the benchmark: its size, and how long Debian's chromium (driven by playwright-core,
 * a dev dependency) takes from the start of navigation to the page's first view drawn and answering
 * clicks (the page sets `data-ready` on <html> then, with performance.now()). A bigger province can be
 * estimated without reading one (`--html-copies K`): the measured Result's applicants repeated K times
 * under new ids and names, with their evidence, give a page of K times as many applicants.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApplicantResult, Result } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { inputLinks, resultsHtml, type EvidenceByApplicant } from '../report/html/index.js';

export interface HtmlPageMeasure {
  applicants: number;
  bytes: number;
  /** The page written for the load measurement (beside the bench province, so its links open). */
  file: string;
}

/** The Result with every applicant repeated `copies` times (the first copy as it was). */
export function repeatApplicants(result: Result, evidence: EvidenceByApplicant, copies: number): { result: Result; evidence: EvidenceByApplicant } {
  if (copies <= 1) return { result, evidence };
  const more: EvidenceByApplicant = { ...evidence };
  const copy = (a: ApplicantResult, k: number): ApplicantResult => {
    const id = `${a.id}~${k}`;
    if (evidence[a.id]) more[id] = evidence[a.id]!;
    return { ...a, id, name: `${a.name}（${k}）`, findings: a.findings.map((f) => ({ ...f, applicant: id })) };
  };
  const applicants = [...result.applicants];
  for (let k = 2; k <= copies; k++) applicants.push(...result.applicants.map((a) => copy(a, k)));
  const cities = result.cities.map((c) => ({ ...c, applicants: [...c.applicants, ...Array.from({ length: copies - 1 }, (_, i) => c.applicants.map((id) => `${id}~${i + 2}`)).flat()] }));
  return { result: { ...result, applicants, cities, summary: { ...result.summary, applicants: applicants.length } }, evidence: more };
}

/** Writes the page of `result` (repeated `copies` times) beside the province root `root`. */
export async function writeBenchPage(result: Result, evidence: EvidenceByApplicant, rules: Rules, root: string, copies: number): Promise<HtmlPageMeasure> {
  const big = repeatApplicants(result, evidence, copies);
  const dir = path.dirname(root);
  const file = path.join(dir, copies > 1 ? `评审结果-x${copies}.html` : '评审结果.html');
  const bytes = resultsHtml(big.result, rules, { lang: 'zh', evidence: big.evidence, links: inputLinks(root, dir) });
  await writeFile(file, bytes);
  return { applicants: big.result.applicants.length, bytes: bytes.length, file };
}

/** Milliseconds from navigation start to the first view ready, one fresh browser page per run. */
export async function measurePageLoad(file: string, runs: number): Promise<number[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      times.push(Number(await page.getAttribute('html', 'data-ready')));
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
