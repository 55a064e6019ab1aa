import { stat } from 'node:fs/promises';
import { DEFAULT_RULES_FILE, loadRules } from '../../rules/load.js';
import { catalogue } from '../../report/catalogue.js';
import { expertCodes } from '../../expert/codes.js';
import type { KnownCodes } from '../../rules/crossCheck.js';
import type { Rules } from '../../rules/schema.js';
import { discover } from '../../ingest/files/discover.js';
import type { Discovery } from '../../ingest/files/tree.js';
import { readDiscovered } from '../../ingest/readSubmission.js';
import type { Submission } from '../../model/records.js';
import { IoError } from '../../util/errors.js';
import type { Progress } from '../progress.js';

const KIND_ZH = { province: '全省根目录', city: '单个市', applicant: '单个企业' } as const;

/** The rules file asked for (or the default), its finding codes checked against the catalogue. */
export async function loadRulesOption(file: string | undefined): Promise<Rules> {
  return loadRules(file ?? DEFAULT_RULES_FILE, { codes: KNOWN_CODES });
}

const KNOWN_CODES: KnownCodes = new Map([...catalogue].map(([code, e]) => [code, { severity: e.severity, panel: code in expertCodes }]));

/** Reads the input tree, reporting counts on the progress line. */
export async function readInput(dir: string, rules: Rules, progress: Progress): Promise<Submission> {
  return (await readInputTree(dir, rules, progress)).submission;
}

/** readInput, also giving the files discovery found (for a command that goes back to them). */
export async function readInputTree(dir: string, rules: Rules, progress: Progress): Promise<{ submission: Submission; tree: Discovery }> {
  try {
    await stat(dir);
  } catch (cause) {
    throw new IoError(`找不到输入目录：${dir}`, { cause });
  }
  const tree = await discover(dir);
  const submission = await readDiscovered(tree, rules, {
    onProgress: (p) => progress.update(`已读取 ${p.filesRead} 个文件，${p.applicantsRead} 家企业`),
  });
  return { submission, tree };
}

export function describeInput(s: Submission): string {
  const applicants = s.cities.reduce((n, c) => n + c.applicants.length, 0);
  return `输入：${s.root}（识别为${KIND_ZH[s.kind]}，${s.cities.length} 个市，${applicants} 家企业）`;
}
