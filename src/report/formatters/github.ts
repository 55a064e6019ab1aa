/**
 * `validate --format github`: workflow commands GitHub Actions turns into annotations.
 * Escaping follows @actions/core: in the message % CR LF; in properties also `:` and `,`.
 */
import type { Finding, Severity } from '../../findings/finding.js';
import { waivedText } from '../decisionsReport.js';
import { renderMessage, type Lang } from '../catalogue.js';
import { placeOf } from '../json.js';

export interface GithubOptions {
  /**
   * The input root as a path from the repository root, joined before each finding's file, because
   * findings name files relative to the input root and GitHub wants them relative to the repository.
   */
  root?: string;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The row of a cell address (`E7` → 7), or the row given; a workbook has no lines, a CSV does. */
function lineOf(f: Finding): number | undefined {
  if (f.location?.row !== undefined) return f.location.row;
  const m = /^[A-Za-z]{1,3}(\d+)$/.exec(f.location?.cell ?? '');
  return m ? Number(m[1]) : undefined;
}

function joinRoot(root: string | undefined, file: string): string {
  if (!root || root === '.' || root === './') return file;
  return `${root.replace(/\\/g, '/').replace(/\/+$/, '')}/${file}`;
}

export function formatGithub(findings: readonly Finding[], lang: Lang, opts: GithubOptions = {}): string {
  return findings
    .map((f) => {
      const props: string[] = [];
      if (f.location?.file) {
        props.push(`file=${escapeProperty(joinRoot(opts.root, f.location.file))}`);
        const line = lineOf(f);
        if (line !== undefined) props.push(`line=${line}`);
      }
      props.push(`title=${escapeProperty(f.code)}`);
      // An annotation cannot point into a workbook, so the sheet and cell go into the message.
      const sheetCell = f.location?.sheet ? placeOf({ sheet: f.location.sheet, cell: f.location.cell }, lang) : '';
      const where = sheetCell ? (lang === 'zh' ? `（${sheetCell}）` : ` (${sheetCell})`) : '';
      const subject = f.applicant && !f.location?.file ? `${f.applicant}: ` : '';
      // A finding waived on review (人工复核) is a note with its mark, never an error that fails a check.
      const waived = f.waived ? (lang === 'zh' ? `（${waivedText(f, lang)}）` : ` (${waivedText(f, lang)})`) : '';
      return `::${COMMAND[f.waived ? 'info' : f.severity]} ${props.join(',')}::${escapeData(subject + renderMessage(f, lang) + where + waived)}`;
    })
    .join('\n')
    .concat(findings.length ? '\n' : '');
}
