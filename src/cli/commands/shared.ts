import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_RULES_FILE, loadRules } from '../../rules/load.js';
import { catalogue } from '../../report/catalogue.js';
import { expertCodes } from '../../expert/codes.js';
import type { KnownCodes } from '../../rules/crossCheck.js';
import type { Rules } from '../../rules/schema.js';
import { discover } from '../../ingest/files/discover.js';
import type { Discovery } from '../../ingest/files/tree.js';
import { a3Test, readDiscovered } from '../../ingest/readSubmission.js';
import type { Submission } from '../../model/records.js';
import { IoError } from '../../util/errors.js';
import { consolePath, overlapWithInput, siblingOfInput } from '../../util/outputFolder.js';
import type { Progress } from '../progress.js';

const KIND_ZH = { province: '全省根目录', city: '单个市', applicant: '单个企业' } as const;

/** The rules file asked for (or the default), its finding codes checked against the catalogue. */
export async function loadRulesOption(file: string | undefined): Promise<Rules> {
  return loadRules(file ?? DEFAULT_RULES_FILE, { codes: KNOWN_CODES });
}

const KNOWN_CODES: KnownCodes = new Map([...catalogue].map(([code, e]) => [code, { severity: e.severity, panel: code in expertCodes }]));

/** Stops at once when the input is missing, before any output is prepared. */
export async function checkInputExists(dir: string): Promise<void> {
  try {
    await stat(dir);
  } catch (cause) {
    throw new IoError(`找不到输入目录：${dir}`, { cause });
  }
}

/** Where a command writes, as the person will see it named, and what to offer if that place is refused. */
export interface OutputPlace {
  path: string;
  shown: string;
  /** Beside the input: never inside it, never around it. */
  proposal: string;
  /** Said when the default place was moved out of the input. */
  note?: string;
}

/**
 * The output place: the one given, else `fallback` in the working directory — unless that lies in the
 * input (a clerk running `yunshang score .` inside the submissions), then beside the input instead.
 */
export async function outputBesideInput(given: string | undefined, fallback: string, input: string, suffix: string): Promise<OutputPlace> {
  const proposal = siblingOfInput(input, suffix);
  if (given !== undefined) return { path: resolve(given), shown: given, proposal };
  const here = resolve(fallback);
  if (await overlapWithInput(here, input)) {
    const shown = consolePath(proposal);
    return { path: proposal, shown, proposal, note: `默认输出位置 ${consolePath(here)} 在输入目录之内，改为写出到 ${shown}` };
  }
  return { path: here, shown: consolePath(here), proposal };
}

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
  const tree = await discover(dir, { isA3: a3Test(rules) });
  const submission = await readDiscovered(tree, rules, {
    onProgress: (p) => progress.update(`已读取 ${p.filesRead} 个文件，${p.applicantsRead} 家企业`),
  });
  return { submission, tree };
}

export function describeInput(s: Submission): string {
  const applicants = s.cities.reduce((n, c) => n + c.applicants.length, 0);
  const why = s.kindReason ? `，因为${s.kindReason.zh}` : '';
  return `输入：${s.root}（识别为${KIND_ZH[s.kind]}${why}；${s.cities.length} 个市，${applicants} 家企业）`;
}
