/**
 * `validate --annotate`: what a city bureau sends back. Only an enterprise with something to fix gets
 * a folder (`<市>/<企业文件夹>/`), holding the copies of its workbooks with the offending cells marked,
 * 问题汇总 as the first sheet of its 附件1 copy (or 问题清单.xlsx when it has no 附件1 workbook), and
 * 退回意见.txt. A city's own files (its 推荐排序表) are marked the same way in `<市>/`, for the bureau
 * to fix itself; it writes no letter to itself. A clean enterprise gets nothing.
 *
 * What is sent back is what needs someone to act: errors and warnings. Notes (a unit converted, a
 * value far from the median for the reviewers) stay in the validate report.
 *
 * The result is a list of files (relative path → bytes) for the caller to write; nothing here
 * writes, so one writer can put a whole run's outputs in place at once.
 */
import type { Finding, Severity } from '../findings/finding.js';
import { SEVERITY_ORDER } from '../findings/finding.js';
import { decisionCodes } from '../decisions/codes.js';
import type { Discovery, InputFile } from '../ingest/files/tree.js';
import type { Submission } from '../model/records.js';
import type { Result } from '../model/result.js';
import { compareCityNames } from '../data/zhejiang.js';
import { annotateWorkbook, cellAddress } from './annotate.js';
import { findingOwner, isInFolder } from './findingOwner.js';
import { issueListWorkbook, issueRow, type IssueRow, type IssueSheet } from './issueSheet.js';
import { RETURN_LETTER_NAME, returnLetterText } from './returnLetter.js';
import { countBySeverity } from './formatters/counts.js';

/** The severities sent back: what the enterprise (or city) has to fix or check. */
export const SENT_BACK: readonly Severity[] = ['error', 'warning'];

export const ISSUE_LIST_NAME = '问题清单.xlsx';

/** Workbooks exceljs can open and write back; other forms (.xls, .csv …) get their findings listed instead. */
const ANNOTATABLE = /\.(xlsx|xlsm)$/i;

/** A file of the output set, its path relative to the output folder (`/`-separated). */
export type { OutputFile } from '../util/outputFolder.js';
import type { OutputFile } from '../util/outputFolder.js';

export interface ReturnedEnterprise {
  id: string;
  city: string;
  name: string;
  /** Its folder in the output (`台州市/台州辰立五金工具有限公司`). */
  folder: string;
  counts: Record<Severity, number>;
}

export interface CityToFix {
  city: string;
  /** The files written for the city (its marked 推荐排序表, or 问题清单.xlsx). */
  files: string[];
  counts: Record<Severity, number>;
}

export interface ReturnPacks {
  files: OutputFile[];
  /** Enterprises to send back, in official city order, then by name. */
  enterprises: ReturnedEnterprise[];
  /** Cities whose own files need fixing, in official order. */
  cities: CityToFix[];
  /** Enterprises read that have nothing to send back. */
  clean: number;
}

const pinyin = new Intl.Collator('zh-CN');

function relativeTo(file: string, folder: string): string {
  if (folder === '') return file;
  return file === folder ? '' : file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : file;
}

function joinPath(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

interface FolderJob {
  /** Output folder. */
  folder: string;
  /** The folder in the input, relative to its root ('' for the root itself). */
  inputFolder: string;
  files: InputFile[];
  findings: Finding[];
  /** The workbook that carries 问题汇总 (the enterprise's 附件1), by its input path. */
  summaryHost?: string;
  title: string;
}

interface FolderOutput {
  files: OutputFile[];
  /** Every finding with its file relative to the folder and whether a cell carries it. */
  problems: { finding: Finding; file: string; marked: boolean }[];
  issueSheetIn?: string;
}

/**
 * One folder's copies: each workbook with findings marked; the findings no cell could carry, with
 * all the others, listed on 问题汇总 in the host workbook (or in 问题清单.xlsx).
 */
async function folderOutput(job: FolderJob): Promise<FolderOutput> {
  const byFile = new Map<string, Finding[]>();
  for (const f of job.findings) {
    const file = f.location?.file ?? '';
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(f);
  }
  const inputs = new Map(job.files.map((f) => [f.path, f]));
  const marked = new Set<Finding>();
  const out: OutputFile[] = [];
  const pending: { file: InputFile; findings: Finding[] }[] = [];
  for (const [path, findings] of byFile) {
    const file = inputs.get(path);
    if (!file || !ANNOTATABLE.test(file.relPath) || path === job.summaryHost) continue;
    // Only a workbook the readers opened has findings on its cells; one refused (too large, a zip
    // bomb) is never handed to exceljs, which would unpack it whole.
    if (!findings.some((f) => f.location?.sheet && cellAddress(f))) continue;
    pending.push({ file, findings });
  }
  for (const { file, findings } of pending) {
    try {
      const a = await annotateWorkbook(await file.read(), findings);
      if (!a.onCells.length) continue; // nothing marked: the list says it all, no copy to send
      for (const f of a.onCells) marked.add(f);
      out.push({ path: joinPath(job.folder, file.relPath), data: a.data });
    } catch {
      // A workbook exceljs cannot open already has its own finding; its problems go on the list.
    }
  }

  const problems = job.findings.map((f) => ({ finding: f, file: relativeTo(f.location?.file ?? job.inputFolder, job.inputFolder), marked: false }));
  const rows = (): IssueRow[] => problems.map((p) => issueRow(p.finding, p.file, marked.has(p.finding)));
  const needsList = () => job.findings.some((f) => !marked.has(f));

  let issueSheetIn: string | undefined;
  const host = job.summaryHost ? inputs.get(job.summaryHost) : undefined;
  const hostFindings = job.summaryHost ? byFile.get(job.summaryHost) ?? [] : [];
  if (host && ANNOTATABLE.test(host.relPath)) {
    try {
      const bytes = await host.read();
      // Marked first, so the list knows which of the host's own cells carry their finding.
      const probe = await annotateWorkbook(bytes, hostFindings);
      for (const f of probe.onCells) marked.add(f);
      if (needsList()) {
        const a = await annotateWorkbook(bytes, hostFindings, { issues: { title: job.title, rows: rows() } });
        out.push({ path: joinPath(job.folder, host.relPath), data: a.data });
        issueSheetIn = host.relPath;
      } else if (probe.onCells.length) {
        out.push({ path: joinPath(job.folder, host.relPath), data: probe.data });
      }
    } catch {
      // Unreadable 附件1: the list goes into a workbook of its own below.
    }
  }
  if (!issueSheetIn && needsList()) {
    out.push({ path: joinPath(job.folder, ISSUE_LIST_NAME), data: await issueListWorkbook({ title: job.title, rows: rows() }) });
    issueSheetIn = ISSUE_LIST_NAME;
  }
  for (const p of problems) p.marked = marked.has(p.finding);
  return { files: out, problems, ...(issueSheetIn ? { issueSheetIn } : {}) };
}

function byWorst(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity];
}

export async function buildReturnPacks(tree: Discovery, submission: Submission, result: Result): Promise<ReturnPacks> {
  // What the province decided on review (人工复核) is not the enterprise's to fix: a waived finding is
  // not sent back, nor is a decision's own finding (its place is the clerk's sheet, not the pack).
  const sent = [...result.findings, ...result.applicants.flatMap((a) => a.findings)].filter(
    (f) => SENT_BACK.includes(f.severity) && f.waived === undefined && !(f.code in decisionCodes),
  );
  const byApplicant = new Map<string, Finding[]>();
  const byCity = new Map<string, Finding[]>();
  for (const f of sent) {
    const owner = findingOwner(f);
    if (owner.kind === 'applicant') (byApplicant.get(owner.applicant) ?? byApplicant.set(owner.applicant, []).get(owner.applicant)!).push(f);
    else if (owner.kind === 'city') (byCity.get(owner.city) ?? byCity.set(owner.city, []).get(owner.city)!).push(f);
  }
  const names = new Map(result.applicants.map((a) => [a.id, a.name]));
  const a1Files = new Map(submission.cities.flatMap((c) => c.applicants.map((p) => [p.id, p.a1?.file] as const)));

  const files: OutputFile[] = [];
  const taken = new Set<string>();
  const add = (list: OutputFile[]) => {
    for (const f of list) {
      if (taken.has(f.path)) throw new Error(`two outputs would be written to ${f.path}`);
      taken.add(f.path);
      files.push(f);
    }
  };

  const enterprises: ReturnedEnterprise[] = [];
  const cities: CityToFix[] = [];
  let clean = 0;
  const folders = new Set<string>();
  const orderedCities = [...tree.cities].sort((a, b) => compareCityNames(a.name, b.name));
  for (const city of orderedCities) {
    const own = [...(byCity.get(city.name) ?? [])].sort(byWorst);
    if (own.length) {
      const a3 = submission.cities.find((c) => c.name === city.name)?.a3?.file;
      const o = await folderOutput({
        folder: city.name,
        inputFolder: city.id,
        files: city.files,
        findings: own,
        ...(a3 ? { summaryHost: a3 } : {}),
        title: `${city.name} 本市材料问题汇总`,
      });
      add(o.files);
      cities.push({ city: city.name, files: o.files.map((f) => f.path), counts: countBySeverity(own) });
    }
    const applicants = [...city.applicants].sort((a, b) => pinyin.compare(names.get(a.id) ?? a.folderName, names.get(b.id) ?? b.folderName) || (a.id < b.id ? -1 : 1));
    for (const applicant of applicants) {
      const mine = byApplicant.get(applicant.id) ?? [];
      if (!mine.length) {
        clean++;
        continue;
      }
      const name = names.get(applicant.id) ?? applicant.folderName;
      // Two folders of one name in a city (under different sub-folders) keep their whole path apart.
      let folder = joinPath(city.name, applicant.folderName);
      if (folders.has(folder)) folder = applicant.id.replace(/\.zip\//gi, '/');
      folders.add(folder);
      const a1 = a1Files.get(applicant.id);
      const ordered = [...mine].sort(byWorst);
      const o = await folderOutput({
        folder,
        inputFolder: applicant.id,
        files: applicant.files,
        findings: ordered,
        ...(a1 && isInFolder(a1, applicant.id) ? { summaryHost: a1 } : {}),
        title: `${name} 申报材料问题汇总`,
      });
      const letter = returnLetterText({ enterprise: name, city: city.name, problems: o.problems, ...(o.issueSheetIn ? { issueSheetIn: o.issueSheetIn } : {}) });
      add([...o.files, { path: joinPath(folder, RETURN_LETTER_NAME), data: letter }]);
      enterprises.push({ id: applicant.id, city: city.name, name, folder, counts: countBySeverity(mine) });
    }
  }
  // Every finding sent back has a home above; one that had none would silently not be sent.
  const placed = new Set([...enterprises.map((e) => e.id)]);
  const lost = [...byApplicant.keys()].filter((id) => !placed.has(id));
  const lostCities = [...byCity.keys()].filter((c) => !cities.some((x) => x.city === c));
  if (lost.length || lostCities.length) throw new Error(`findings of ${[...lost, ...lostCities].join(', ')} have no folder in the input tree`);
  return { files, enterprises, cities, clean };
}
