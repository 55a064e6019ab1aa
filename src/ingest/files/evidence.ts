/**
 * Describes one evidence file from its bytes, so that checks can judge screenshots, licences and
 * invoices (and spot the same screenshot sent twice) without touching the disk.
 */
import { createHash } from 'node:crypto';
import type { EvidenceFile } from '../../model/records.js';
import { sniff } from './sniff.js';
import { imageSize } from './imageSize.js';

/** `relPath` is relative to the applicant folder (`证明材料/截图/erp-login.png`). */
export function describeEvidence(relPath: string, bytes: Uint8Array): EvidenceFile {
  const file: EvidenceFile = {
    path: relPath.replace(/\\/g, '/'),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    type: sniff(bytes),
  };
  const size = imageSize(bytes);
  if (size) {
    file.width = size.width;
    file.height = size.height;
  }
  return file;
}
