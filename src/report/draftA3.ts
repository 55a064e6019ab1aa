/**
 * The city's 推荐排序表, pre-filled from its packs' A1 so nobody retypes sales, profit and investments,
 * in the computed city order. Rejected packs go last, still listed, so the bureau sees them.
 */
import { addA3Sheet, type A3RowValues } from '../template/build.js';
import type { ApplicantPack, Submission } from '../model/records.js';
import type { Result } from '../model/result.js';
import { locateAddress } from '../data/zhejiang.js';
import { FIXED_DATE, workbookBytes } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';

export function draftA3Rows(result: Result, submission: Submission): A3RowValues[] {
  const packs = new Map<string, ApplicantPack>();
  for (const c of submission.cities) for (const p of c.applicants) packs.set(p.id, p);
  const ordered = [...result.applicants].sort((a, b) => {
    const ra = a.cityRank ?? Number.POSITIVE_INFINITY;
    const rb = b.cityRank ?? Number.POSITIVE_INFINITY;
    return ra - rb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return ordered.map((a, i) => {
    const f = packs.get(a.id)?.a1?.fields ?? {};
    const address = f.registeredAddress?.value ?? '';
    return {
      seq: i + 1,
      district: locateAddress(address).district,
      enterpriseName: f.enterpriseName?.value ?? a.name,
      mainBusiness: f.mainBusiness?.value ?? null,
      salesLastYear: f.salesLastYear?.value ?? null,
      profitLastYear: f.profitLastYear?.value ?? null,
      itInvestment3y: f.itInvestment3y?.value ?? null,
      cloudInvestment3y: f.cloudInvestment3y?.value ?? null,
      itLead: f.itLead?.value ?? null,
      phone: f.itLeadPhone?.value ?? null,
      opinion: a.status === 'rejected' ? `材料不予受理（${a.rejectedBy.join('、')}），请核实` : null,
    };
  });
}

/**
 * Why the draft's order may not be the province's: the horizontal grades rank every applicant of the
 * province, and a city bureau has only its own packs, so its draft ranks them against each other.
 * Said in the workbook (a note on the title and a 说明 sheet) and by the command.
 */
export const DRAFT_A3_ORDER_NOTE =
  '本表按本市申报材料计算的排名排序：横向评分需要全省所有申报企业一起排名，这里只比较了本市的企业，全省汇总后的排序可能与此不同。请市经信局审核后确定推荐顺序。';
/** The draft's file name: 「杭州市-推荐排序表-草稿.xlsx」. */
export function draftA3FileName(city: string): string {
  return `${city}-推荐排序表-草稿.xlsx`;
}

/** The city's draft 推荐排序表 as a workbook: the table from the packs, the note on the order. */
export async function draftA3Workbook(result: Result, submission: Submission, city: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'yunshang';
  wb.created = wb.modified = FIXED_DATE;
  const ws = addA3Sheet(wb, city, draftA3Rows(result, submission));
  ws.getCell('A1').note = DRAFT_A3_ORDER_NOTE;
  const about = wb.addWorksheet('说明');
  about.getCell('A1').value = '关于本草稿的排序';
  about.getCell('A1').font = { bold: true };
  about.getCell('A2').value = DRAFT_A3_ORDER_NOTE;
  about.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(1).width = 80;
  about.getRow(2).height = 48;
  return workbookBytes(wb);
}
