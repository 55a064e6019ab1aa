/**
 * Who has to act on a finding, which decides where the validate report lists it and who gets it back:
 * the enterprise fixes what is in its own folder; the city bureau fixes its own files (the
 * 推荐排序表), even when the finding names an enterprise (「企业报送了材料，但不在本市推荐排序表中」
 * is the city's row to add); what concerns the input as a whole (how the folders were read) is
 * for whoever ran the tool.
 */
import type { Finding } from '../findings/finding.js';

export type FindingOwner =
  | { kind: 'input' }
  | { kind: 'city'; city: string }
  | { kind: 'applicant'; city: string; applicant: string };

/** Whether `file` (relative to the input root) lies in the applicant folder `id` ('' is the root). */
export function isInFolder(file: string, id: string): boolean {
  return id === '' || file === id || file.startsWith(`${id}/`);
}

export function findingOwner(f: Finding): FindingOwner {
  const file = f.location?.file;
  if (f.applicant !== undefined && (file === undefined || isInFolder(file, f.applicant))) {
    return { kind: 'applicant', city: f.city ?? '', applicant: f.applicant };
  }
  if (f.city !== undefined) return { kind: 'city', city: f.city };
  return { kind: 'input' };
}
