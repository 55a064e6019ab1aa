/**
 * What the page links to beyond the Result: each applicant's evidence files, the screenshots behind each
 * system of 系统清单 and the contract and invoice behind each product, as paths relative to the applicant
 * folder. Taken from the packs while they live (score.ts lets them go before rendering); the paths are
 * found the way the evidence checks find them (EvidenceIndex), so a link opens the file a check looked at.
 */
import type { Submission } from '../../model/records.js';
import { EvidenceIndex } from '../../validate/checks/evidence/evidencePaths.js';

/** A path as typed in a list and the evidence file it names (relative to the applicant folder), or null when none. */
export interface LinkedFile {
  typed: string;
  path: string | null;
}

export interface ApplicantEvidence {
  /** Every file under 证明材料/, relative to the applicant folder, sorted. */
  files: string[];
  /** Images among them (PNG or JPEG by their bytes): the page tries one to know whether links open. */
  images: string[];
  systems: { row: number; indicator: string | null; name: string | null; onCloud: boolean | null; login: LinkedFile | null; main: LinkedFile | null }[];
  products: { row: number; name: string | null; contract: LinkedFile | null; invoice: LinkedFile | null }[];
}

/** By applicant id. */
export type EvidenceByApplicant = Record<string, ApplicantEvidence>;

function linked(index: EvidenceIndex, typed: string | null | undefined): LinkedFile | null {
  if (typed === null || typed === undefined || typed.trim() === '') return null;
  return { typed, path: index.find(typed)?.path ?? null };
}

export function evidenceOf(submission: Submission): EvidenceByApplicant {
  const out: EvidenceByApplicant = {};
  for (const city of submission.cities)
    for (const pack of city.applicants) {
      const index = new EvidenceIndex(pack.evidence);
      const paths = pack.evidence.map((f) => f.path).sort();
      out[pack.id] = {
        files: paths,
        images: pack.evidence.filter((f) => f.type === 'png' || f.type === 'jpeg').map((f) => f.path).sort(),
        systems: (pack.systems?.rows ?? []).map((r) => ({
          row: r.row,
          indicator: r.indicator,
          name: r.name.value,
          onCloud: r.onCloud.value,
          login: linked(index, r.loginScreenshot.value),
          main: linked(index, r.mainScreenshot.value),
        })),
        products: (pack.products?.rows ?? []).map((r) => ({
          row: r.row,
          name: r.name.value,
          contract: linked(index, r.contractFile.value),
          invoice: linked(index, r.invoiceFile.value),
        })),
      };
    }
  return out;
}
