/**
 * One applicant folder → its pack: opens each workbook once, recognises the forms inside by their
 * titles, describes evidence files, and tags every finding with its applicant and city. Plain data in,
 * plain data out, so the reading threads (workers/) run it as well as the main thread.
 */
import { findingsOf } from '../findings/finding.js';
import type { ApplicantPack } from '../model/records.js';
import type { Rules } from '../rules/schema.js';
import { describeEvidenceFile } from './files/evidence.js';
import { settleSameContent, type Comparable } from './files/sameContent.js';
import { DEFAULT_LIMITS, type Limits } from './files/limits.js';
import { openWorkbookGrids } from './files/openWorkbook.js';
import type { DiscoveredApplicant, InputFile } from './files/tree.js';
import { readFormsFromGrids, type FormsFound } from './forms/index.js';
import { packCodes } from './codes.js';
import { isEvidencePath, isFormDocumentName, isWorkbookName } from '../data/inputTree.js';
import { isWorkbookByBytes } from './files/formByBytes.js';
import { readRange, unreadableFinding } from './files/source.js';
import { FORM_NAMES, type FormKind } from '../forms/layout.js';

const finding = findingsOf(packCodes);

/** The forms an applicant's folder holds (附件3 belongs to the city). */
type FormKey = Exclude<FormKind, 'experts'>;

/** Named as a workbook (.xlsx, .xls, .et …) or a Word document: opened as one, whatever its bytes turn out to be. */
export function isWorkbookFile(f: InputFile): boolean {
  return isWorkbookName(f.relPath) || isFormDocumentName(f.relPath);
}

/**
 * A Word document holding no form is one of the documents people put beside the forms (a cover
 * letter, a description): left unread as any other such file, not reported as a form gone wrong.
 */
export function isDocumentWithoutForms(format: string | undefined, forms: FormsFound): boolean {
  return format === 'docx' && !forms.a1 && !forms.a2 && !forms.a3 && !forms.systems && !forms.products && forms.findings.length === 0;
}

export interface ReadHooks {
  /** Called as each workbook is opened, so a reading thread can say which file a timeout stopped. */
  onWorkbook?: (file: InputFile) => void;
}

/** Reads one applicant folder into its pack. */
export async function readApplicant(
  app: DiscoveredApplicant,
  rules: Rules,
  limits: Limits = DEFAULT_LIMITS,
  hooks: ReadHooks = {},
): Promise<ApplicantPack> {
  const pack: ApplicantPack = {
    id: app.id,
    city: app.city,
    folderName: app.folderName,
    evidence: [],
    files: app.files.map((f) => f.relPath),
    findings: [],
  };
  const where: Partial<Record<FormKey, string>> = {};
  const evidence: Comparable[] = [];
  for (const file of app.files) {
    if (isEvidencePath(file.relPath)) {
      try {
        const described = await describeEvidenceFile(file);
        pack.evidence.push(described);
        evidence.push({ file: described, read: (offset, length) => readRange(file, offset, length) });
      } catch (e) {
        // A damaged zip entry or an unreadable file: the evidence is missing, the run goes on.
        pack.findings.push(unreadableFinding(e, file.path));
      }
      continue;
    }
    // A form saved without an extension (or renamed) is still a form: its bytes say so.
    if (!isWorkbookFile(file) && !(await isWorkbookByBytes(file))) {
      pack.findings.push(finding('FILE_NOT_READ', {}, { file: file.path }));
      continue;
    }
    hooks.onWorkbook?.(file);
    const opened = await openWorkbookGrids(file, limits);
    if (!opened.grids) {
      pack.findings.push(...opened.findings);
      continue;
    }
    const forms = readFormsFromGrids(opened.grids, file.path, rules);
    if (isDocumentWithoutForms(opened.format, forms)) {
      pack.findings.push(finding('FILE_NOT_READ', {}, { file: file.path }));
      continue;
    }
    pack.findings.push(...opened.findings, ...forms.findings);
    if (forms.a3) pack.findings.push(finding('FORM_MISPLACED', { form: FORM_NAMES.a3, where: app.id }, { file: file.path }));
    const found = (['a1', 'a2', 'systems', 'products'] as const).filter((k) => forms[k]);
    if (found.length === 0 && !forms.a3) pack.findings.push(finding('FORM_NOT_RECOGNISED', {}, { file: file.path }));
    for (const k of found) {
      if (pack[k]) {
        pack.findings.push(finding('FORM_DUPLICATE', { form: FORM_NAMES[k], used: where[k]! }, { file: file.path }));
        continue;
      }
      assign(pack, k, forms);
      where[k] = file.path;
    }
  }
  // Copies within the folder are known here; across the province, readDiscovered compares again.
  await settleSameContent(evidence);
  for (const f of pack.findings) {
    f.applicant = pack.id;
    f.city = pack.city;
  }
  pack.evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return pack;
}

function assign(pack: ApplicantPack, k: 'a1' | 'a2' | 'systems' | 'products', forms: FormsFound): void {
  if (k === 'a1') pack.a1 = forms.a1;
  else if (k === 'a2') pack.a2 = forms.a2;
  else if (k === 'systems') pack.systems = forms.systems;
  else pack.products = forms.products;
}
