/**
 * 「符合条件的申报企业……应同时提交企业营业执照复印件」: a business licence, scanned as a PDF or an
 * image, somewhere under 证明材料/, named so a person can find it.
 */
import { defineCheck } from '../../check.js';
import type { EvidenceFile, SniffedType } from '../../../model/records.js';
import { actualTypeArgs, applicantsOf, EVIDENCE_DIR, placeOf } from './evidencePaths.js';

const LICENSE_NAME = '营业执照';
const IMAGE_TYPES: readonly SniffedType[] = ['png', 'jpeg', 'gif', 'bmp', 'webp'];
const EXPECTED: Record<string, readonly SniffedType[]> = {
  pdf: ['pdf'],
  png: IMAGE_TYPES,
  jpg: IMAGE_TYPES,
  jpeg: IMAGE_TYPES,
  gif: IMAGE_TYPES,
  bmp: IMAGE_TYPES,
  webp: IMAGE_TYPES,
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function isLicenseScan(f: EvidenceFile): boolean {
  const name = f.path.slice(f.path.lastIndexOf('/') + 1);
  return f.path.startsWith(`${EVIDENCE_DIR}/`) && name.includes(LICENSE_NAME) && Object.hasOwn(EXPECTED, extensionOf(f.path));
}

/** The licence scan the check accepts (named 营业执照, and a real PDF or image), for the 收件登记. */
export function acceptedLicense(evidence: readonly EvidenceFile[]): EvidenceFile | undefined {
  return evidence.find((f) => isLicenseScan(f) && EXPECTED[extensionOf(f.path)]!.includes(f.type));
}

export const licenseCheck = defineCheck({
  id: 'evidence.license',
  description: '证明材料中有营业执照（PDF 或图片），且文件内容确为该类型',
  notice: '四、（二）「应同时提交企业营业执照复印件」',
  codes: {
    LICENSE_MISSING: {
      severity: 'error',
      zh: '证明材料中没有营业执照（文件名含「营业执照」的 PDF 或图片）',
      en: 'No business licence among the evidence (a PDF or image whose name contains 营业执照)',
      fixZh: '将营业执照复印件扫描为 PDF 或图片，文件名含「营业执照」，放入「证明材料」文件夹',
      fixEn: 'Scan the business licence to a PDF or image named with 营业执照 and put it in the 证明材料 folder',
    },
    LICENSE_NOT_REAL: {
      severity: 'error',
      zh: '营业执照文件 {path} 的扩展名为 .{ext}，但文件内容是{actual}',
      en: 'Business licence file {path} is named .{ext} but its content is {actualEn}',
      fixZh: '重新扫描或导出营业执照为真实的 PDF 或图片文件，不要只修改扩展名',
      fixEn: 'Scan or export the licence again as a real PDF or image file; renaming is not enough',
    },
  },
  run(ctx, report) {
    for (const pack of applicantsOf(ctx.submission)) {
      const scans = pack.evidence.filter(isLicenseScan);
      if (scans.length === 0) {
        report('LICENSE_MISSING', {}, placeOf(pack, EVIDENCE_DIR), { applicant: pack });
        continue;
      }
      for (const f of scans) {
        const ext = extensionOf(f.path);
        if (!EXPECTED[ext]!.includes(f.type))
          report('LICENSE_NOT_REAL', { path: f.path, ext, ...actualTypeArgs(f.type) }, placeOf(pack, f.path), { applicant: pack });
      }
    }
  },
});
