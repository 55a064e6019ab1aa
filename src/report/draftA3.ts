/**
 * The city's 推荐排序表, pre-filled from its packs' A1 so nobody retypes sales, profit and investments,
 * in the computed city order. Rejected packs go last, still listed, so the bureau sees them.
 */
import type { A3RowValues } from '../template/build.js';
import type { ApplicantPack, Submission } from '../model/records.js';
import type { Result } from '../model/result.js';
import { locateAddress } from '../data/zhejiang.js';

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
