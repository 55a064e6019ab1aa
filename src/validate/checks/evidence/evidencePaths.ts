/**
 * What the evidence checks share: finding a listed file among the pack's evidence, the places to point
 * at, and which indicators ask for which proof (from the rules file, never a list in code).
 */
import type { Cell, Location } from '../../../model/location.js';
import type { IndicatorKey } from '../../../model/indicators.js';
import type { ApplicantPack, EvidenceFile, SniffedType, Submission, SystemRow } from '../../../model/records.js';
import type { IndicatorRule, Rules } from '../../../rules/schema.js';
import { EVIDENCE_DIR } from '../../../data/inputTree.js';

export { EVIDENCE_DIR };

export function applicantsOf(submission: Submission): ApplicantPack[] {
  return submission.cities.flatMap((c) => c.applicants);
}

/**
 * The path a person typed in a list, as a path relative to the applicant folder. People type it
 * relative to 证明材料/ or starting with it, with Windows backslashes, or copy a whole Explorer path.
 */
export function listedEvidencePath(typed: string): string {
  let p = typed.trim().replace(/^["'“”]+|["'“”]+$/g, '').replace(/\\/g, '/').replace(/\/{2,}/g, '/').normalize('NFC');
  const inside = `/${p}`.indexOf(`/${EVIDENCE_DIR}/`);
  if (inside >= 0) p = p.slice(inside + EVIDENCE_DIR.length + 1);
  p = p.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  return `${EVIDENCE_DIR}/${p}`;
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The pack's evidence files, found by the path typed in a list. */
export class EvidenceIndex {
  private readonly byPath = new Map<string, EvidenceFile>();
  private readonly byLowerPath = new Map<string, EvidenceFile>();
  private readonly byBaseName = new Map<string, EvidenceFile[]>();

  constructor(readonly files: readonly EvidenceFile[]) {
    for (const f of files) {
      const p = f.path.replace(/\\/g, '/').normalize('NFC');
      this.byPath.set(p, f);
      this.byLowerPath.set(p.toLowerCase(), f);
      const base = baseName(p).toLowerCase();
      this.byBaseName.set(base, [...(this.byBaseName.get(base) ?? []), f]);
    }
  }

  find(typed: string | null | undefined): EvidenceFile | undefined {
    if (!typed || !typed.trim()) return undefined;
    const p = listedEvidencePath(typed);
    // Windows folders ignore case, so a list typed there may differ in case from the file's name.
    const found = this.byPath.get(p) ?? this.byLowerPath.get(p.toLowerCase());
    if (found) return found;
    // A bare file name is accepted when exactly one evidence file has it.
    const rest = p.slice(EVIDENCE_DIR.length + 1);
    if (rest.includes('/')) return undefined;
    const same = this.byBaseName.get(rest.toLowerCase());
    return same?.length === 1 ? same[0] : undefined;
  }
}

/** The place of a file of the pack, relative to the input root. */
export function placeOf(pack: ApplicantPack, relPath: string): Location {
  if (!relPath) return { file: pack.id };
  return { file: pack.id ? `${pack.id}/${relPath}` : relPath };
}

/** A list cell's place, or its row when the reader gave the cell none. */
export function cellPlace(cell: Cell<unknown>, list: { file: string; sheet: string }, row: number): Location {
  return cell.loc && (cell.loc.file || cell.loc.cell) ? cell.loc : { file: list.file, sheet: list.sheet, row };
}

/** The indicator's names, zh and en, for message templates. */
export function indicatorArgs(rule: IndicatorRule): { indicator: string; indicatorEn: string } {
  return { indicator: rule.name, indicatorEn: rule.nameEn };
}

export interface ClaimedIndicator {
  rule: IndicatorRule;
  n: Cell<number | null>;
}

/** The indicators of a kind of proof for which the applicant declared N > 0. */
export function claimedIndicators(pack: ApplicantPack, rules: Rules, evidence: IndicatorRule['evidence']): ClaimedIndicator[] {
  const out: ClaimedIndicator[] = [];
  for (const rule of rules.indicators) {
    if (rule.evidence !== evidence) continue;
    const n = pack.a2?.indicators[rule.key]?.n;
    if (n && typeof n.value === 'number' && n.value > 0) out.push({ rule, n });
  }
  return out;
}

export function rowsOf(rows: readonly SystemRow[], key: IndicatorKey): SystemRow[] {
  return rows.filter((r) => r.indicator === key);
}

export function isCloudRow(row: SystemRow): boolean {
  return row.onCloud.value === true;
}

export function hasText(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

const TYPE_LABELS: Record<SniffedType, [zh: string, en: string]> = {
  png: ['PNG 图片', 'a PNG image'],
  jpeg: ['JPEG 图片', 'a JPEG image'],
  pdf: ['PDF 文档', 'a PDF document'],
  gif: ['GIF 图片', 'a GIF image'],
  bmp: ['BMP 图片', 'a BMP image'],
  webp: ['WebP 图片', 'a WebP image'],
  zip: ['ZIP 压缩包或 Office 文档', 'a zip archive or Office document'],
  ole2: ['旧版 Office 文档', 'a legacy Office document'],
  text: ['文本', 'text'],
  empty: ['空文件', 'an empty file'],
  other: ['无法识别的格式', 'an unrecognised format'],
};

/** What the bytes say a file is, as words for `{actual}` / `{actualEn}`. */
export function actualTypeArgs(type: SniffedType): { actual: string; actualEn: string } {
  const [actual, actualEn] = TYPE_LABELS[type];
  return { actual, actualEn };
}
