import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { evaluate } from '../../evaluate.js';
import type { Finding } from '../../findings/finding.js';
import type { Result } from '../../model/result.js';
import { buildReturnPacks, type OutputFile } from '../../report/returnPacks.js';
import { formatText } from '../../report/formatters/text.js';
import { formatJson } from '../../report/formatters/json.js';
import { formatJunit } from '../../report/formatters/junit.js';
import { formatGithub } from '../../report/formatters/github.js';
import { formatReturnSummary } from '../../report/formatters/returnSummary.js';
import { exitCodeFor } from '../../report/exitCode.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { createProgress, useColor } from '../progress.js';
import { describeInput, loadRulesOption, readInputTree } from './shared.js';

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

export async function runValidate(dir: string, o: ValidateOptions): Promise<number> {
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
        return formatText(findings, { lang: o.lang, color: useColor(), applicants: result.applicants });
    }
  })();
  process.stdout.write(out.endsWith('\n') ? out : out + '\n');

  if (o.annotate) {
    const packs = await buildReturnPacks(tree, submission, result);
    await writeOutputs(o.annotate, packs.files);
    // The list of who must act belongs with the text report; beside json or XML it goes to stderr.
    const summary = formatReturnSummary(packs, o.annotate, o.lang);
    if (o.format === 'text') process.stdout.write('\n' + summary);
    else process.stderr.write(summary);
  }
  return exitCodeFor(findings, o.failOn);
}

async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  for (const f of files) {
    const target = join(outDir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, f.data);
  }
}
