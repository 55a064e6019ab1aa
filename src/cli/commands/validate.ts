import { evaluate } from '../../evaluate.js';
import type { Finding } from '../../findings/finding.js';
import type { Result } from '../../model/result.js';
import { buildReturnPacks } from '../../report/returnPacks.js';
import { formatText } from '../../report/formatters/text.js';
import { formatJson } from '../../report/formatters/json.js';
import { formatJunit } from '../../report/formatters/junit.js';
import { formatGithub } from '../../report/formatters/github.js';
import { formatReturnSummary } from '../../report/formatters/returnSummary.js';
import { exitCodeFor } from '../../report/exitCode.js';
import { readDecisions } from '../../ingest/readDecisions.js';
import { DECISION_WORDS, decisionLines, indicatorNamer } from '../../report/decisionsReport.js';
import { OutputFolder } from '../../util/outputFolder.js';
import { createProgress, useColor } from '../progress.js';
import { checkInputExists, describeInput, loadRulesOption, outputBesideInput, readInputTree } from './shared.js';

export interface ValidateOptions {
  rules?: string;
  format: 'text' | 'json' | 'junit' | 'github';
  failOn: 'error' | 'warning';
  annotate?: string;
  /** The clerk's 人工复核记录表: shown with what each decision would change. */
  decisions?: string;
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
    return await validate(dir, o, { folder, shown: place.shown });
  } finally {
    await folder.release();
  }
}

async function validate(dir: string, o: ValidateOptions, annotate: { folder: OutputFolder; shown: string } | null): Promise<number> {
  const rules = await loadRulesOption(o.rules);
  // The clerk's sheet first: one that cannot be read stops the run before the long read of the input.
  const decisions = o.decisions ? await readDecisions(o.decisions) : undefined;
  const progress = createProgress(Boolean(o.quiet) || o.format !== 'text');
  const { submission, tree } = await readInputTree(dir, rules, progress);
  const result = evaluate(submission, rules, decisions ? { decisions } : {});
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
        return formatText(findings, { lang: o.lang, color: useColor(), applicants: result.applicants });
    }
  })();
  process.stdout.write(out.endsWith('\n') ? out : out + '\n');
  if (decisions && o.format === 'text') {
    const name = indicatorNamer(rules, o.lang);
    const title = o.lang === 'zh' ? `${DECISION_WORDS.zh.title}（${decisions.file}）` : `${DECISION_WORDS.en.title} (${decisions.file})`;
    const lines = [title, ...decisionLines(result, o.lang, name)];
    process.stdout.write('\n' + lines.join('\n') + '\n');
  }

  if (annotate) {
    const packs = await buildReturnPacks(tree, submission, result);
    await annotate.folder.commit(packs.files);
    // The list of who must act belongs with the text report; beside json or XML it goes to stderr.
    const summary = formatReturnSummary(packs, annotate.shown, o.lang);
    if (o.format === 'text') process.stdout.write('\n' + summary);
    else process.stderr.write(summary);
  }
  return exitCodeFor(findings, o.failOn);
}
