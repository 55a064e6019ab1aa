import { evaluate } from '../../evaluate.js';
import type { Finding } from '../../findings/finding.js';
import type { Result } from '../../model/result.js';
import type { Discovery } from '../../ingest/files/tree.js';
import { annotateWorkbook } from '../../report/annotate.js';
import { formatText } from '../../report/formatters/text.js';
import { formatJson } from '../../report/formatters/json.js';
import { formatJunit } from '../../report/formatters/junit.js';
import { formatGithub } from '../../report/formatters/github.js';
import { exitCodeFor } from '../../report/exitCode.js';
import { isEvidencePath, isOoxmlWorkbookName } from '../../data/inputTree.js';
import { OutputFolder, type OutputFile } from '../../util/outputFolder.js';
import { createProgress, useColor } from '../progress.js';
import { checkInputExists, describeInput, loadRulesOption, outputBesideInput, readInputTree } from './shared.js';

export interface ValidateOptions {
  rules?: string;
  format: 'text' | 'json' | 'junit' | 'github';
  failOn: 'error' | 'warning';
  annotate?: string;
  lang: 'zh' | 'en';
  quiet?: boolean;
}

export function allFindings(result: Result): Finding[] {
  return [...result.findings, ...result.applicants.flatMap((a) => a.findings)];
}

/** Offered when `--annotate` would lie in the input: a folder beside the input. */
export const ANNOTATE_OUT_SUFFIX = '-标注';

export async function runValidate(dir: string, o: ValidateOptions): Promise<number> {
  await checkInputExists(dir);
  if (o.annotate === undefined) return validate(dir, o, null);
  const place = await outputBesideInput(o.annotate, o.annotate, dir, ANNOTATE_OUT_SUFFIX);
  // Taken before reading: a place that cannot take files, or another run writing there, is said at once.
  const folder = await OutputFolder.open(place.path, { input: dir, proposal: place.proposal });
  try {
    return await validate(dir, o, folder);
  } finally {
    await folder.release();
  }
}

async function validate(dir: string, o: ValidateOptions, annotate: OutputFolder | null): Promise<number> {
  const rules = await loadRulesOption(o.rules);
  const progress = createProgress(Boolean(o.quiet) || o.format !== 'text');
  const { submission, tree } = await readInputTree(dir, rules, progress);
  const result = evaluate(submission, rules);
  const findings = allFindings(result);
  progress.done(describeInput(submission));

  const out = (() => {
    switch (o.format) {
      case 'json':
        return formatJson(findings, o.lang);
      case 'junit':
        return formatJunit(findings, result.applicants.map((a) => ({ id: a.id, city: a.city, name: a.name })), o.lang, { minSeverity: o.failOn });
      case 'github':
        return formatGithub(findings, o.lang, { root: dir });
      default:
        return formatText(findings, { lang: o.lang, color: useColor() });
    }
  })();
  process.stdout.write(out.endsWith('\n') ? out : out + '\n');

  if (annotate) await annotate.commit(await annotatedFiles(tree, findings, o.lang));
  return exitCodeFor(findings, o.failOn);
}

/**
 * A copy of every input workbook, offending cells filled and noted, for the city to send back to
 * the enterprise. Files inside a city zip land under the zip's name without `.zip`.
 */
async function annotatedFiles(tree: Discovery, findings: Finding[], lang: 'zh' | 'en'): Promise<OutputFile[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const file = f.location?.file;
    if (!file) continue;
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(f);
  }
  const files = tree.cities.flatMap((c) => [...c.files, ...c.applicants.flatMap((a) => a.files)]);
  const out: OutputFile[] = [];
  const used = new Set<string>();
  for (const file of files) {
    if (!isOoxmlWorkbookName(file.relPath) || isEvidencePath(file.relPath)) continue;
    let data: Buffer;
    try {
      data = await annotateWorkbook(await file.read(), byFile.get(file.path) ?? [], lang);
    } catch {
      continue; // unreadable workbooks already carry their own finding; there is nothing to annotate
    }
    // 杭州市.zip/… lands under 杭州市/…, unless a 杭州市 folder was delivered beside the zip.
    const bare = file.path.replace(/\.zip\//i, '/');
    const path = used.has(bare) ? file.path : bare;
    used.add(path);
    out.push({ path, data });
  }
  return out;
}
