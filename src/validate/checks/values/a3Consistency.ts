/**
 * The city's 推荐排序表 (附件3) repeats figures from each enterprise's 附件1 and orders every enterprise
 * the city sends: each row must have its pack, each pack its row, the figures must agree, and 序号
 * must be the order 1..n.
 */
import { defineCheck, type Report } from '../../check.js';
import { formatLocation, type Cell } from '../../../model/location.js';
import type { A1Fields, A3Record, A3Row, ApplicantPack, CitySubmission } from '../../../model/records.js';
import { A1_LABELS } from './a1Fields.js';
import { sameAmount, showNumber } from './compare.js';
import { normaliseEnterpriseName, textOf } from './enterpriseKey.js';

const codes = {
  A3_FIELD_MISMATCH: {
    severity: 'warning',
    zh: '推荐排序表中「{field}」为 {a3}，与附件1 的 {a1}（{a1Place}）不一致',
    en: 'Ranking table "{fieldEn}" is {a3}, but Attachment 1 says {a1} ({a1Place})',
    fixZh: '推荐排序表应照录企业申报表；核对后更正其中填错的一处（可用 yunshang draft-a3 生成）',
    fixEn: 'The ranking table must copy the application form; correct the wrong one (`yunshang draft-a3` fills it in)',
  },
  A3_ROW_WITHOUT_PACK: {
    severity: 'error',
    zh: '推荐排序表中的「{name}」没有对应的企业申报材料',
    en: 'The ranking table lists "{name}" but no application pack of that name was found',
    fixZh: '补交该企业的申报材料文件夹，或从推荐排序表中删去此行；核对企业名称是否与申报表一致',
    fixEn: "Add the enterprise's pack, or remove the row; check that the name matches its application form",
  },
  A3_ROW_DUPLICATE: {
    severity: 'error',
    zh: '推荐排序表中「{name}」出现两次（另见第 {otherRow} 行）',
    en: 'The ranking table lists "{name}" twice (see also row {otherRow})',
    fixZh: '每家企业在推荐排序表中只保留一行',
    fixEn: 'Keep one row per enterprise in the ranking table',
  },
  PACK_WITHOUT_A3_ROW: {
    severity: 'error',
    zh: '企业「{name}」报送了申报材料，但不在本市推荐排序表中',
    en: 'The enterprise "{name}" sent a pack but is not in the city ranking table',
    fixZh: '在推荐排序表中为该企业增加一行并排定序号，或撤回其申报材料',
    fixEn: 'Add a row for it to the ranking table with its place in the order, or withdraw its pack',
  },
  A3_SEQ_INVALID: {
    severity: 'error',
    zh: '推荐排序表的序号应为 1 至 {count} 且各出现一次：重复 {duplicates}；缺少 {missing}；无效 {invalid}',
    en: 'Ranking table numbers must be 1 to {count}, each once: duplicated {duplicates}; missing {missing}; invalid {invalid}',
    fixZh: '按推荐顺序从 1 起连续编号，不重复、不跳号',
    fixEn: 'Number the rows 1, 2, 3 … in the recommended order, without repeats or gaps',
  },
} as const;

type Code = keyof typeof codes & string;

/** Names a pack answers to: its A1 name, and its folder name for packs whose A1 is missing or unnamed. */
function packNames(pack: ApplicantPack): Set<string> {
  const names = new Set<string>();
  const a1Name = textOf(pack.a1?.fields.enterpriseName);
  if (a1Name) names.add(normaliseEnterpriseName(a1Name));
  if (pack.folderName.trim()) names.add(normaliseEnterpriseName(pack.folderName));
  return names;
}

function packDisplayName(pack: ApplicantPack): string {
  return textOf(pack.a1?.fields.enterpriseName) ?? pack.folderName;
}

function digits(s: string): string {
  return s.normalize('NFKC').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}

function sameText(a: string, b: string): boolean {
  return normaliseEnterpriseName(a) === normaliseEnterpriseName(b);
}

function compareRow(row: A3Row, pack: ApplicantPack, report: Report<Code>): void {
  const f: Partial<A1Fields> | undefined = pack.a1?.fields;
  if (!f) return;
  const mismatch = (a3Cell: Cell<unknown>, key: keyof A1Fields, a3: string, a1: string, a1Cell: Cell<unknown>) =>
    report(
      'A3_FIELD_MISMATCH',
      { field: A1_LABELS[key].zh, fieldEn: A1_LABELS[key].en, a3, a1, a1Place: formatLocation(a1Cell.loc) },
      a3Cell.loc,
      { applicant: pack },
    );

  const a3Name = textOf(row.enterpriseName);
  const a1Name = f.enterpriseName && textOf(f.enterpriseName);
  if (a3Name && a1Name && !sameText(a3Name, a1Name)) mismatch(row.enterpriseName, 'enterpriseName', a3Name, a1Name, f.enterpriseName!);

  const amounts = [
    [row.salesLastYear, 'salesLastYear'],
    [row.profitLastYear, 'profitLastYear'],
    [row.itInvestment3y, 'itInvestment3y'],
    [row.cloudInvestment3y, 'cloudInvestment3y'],
  ] as const;
  for (const [a3Cell, key] of amounts) {
    const a1Cell = f[key];
    const x = a3Cell.value;
    const y = a1Cell?.value;
    if (x === null || y === null || y === undefined || sameAmount(x, y)) continue;
    mismatch(a3Cell, key, showNumber(x), showNumber(y), a1Cell!);
  }

  const lead = textOf(row.itLead);
  const a1Lead = f.itLead && textOf(f.itLead);
  if (lead && a1Lead && !sameText(lead, a1Lead)) mismatch(row.itLead, 'itLead', lead, a1Lead, f.itLead!);

  // The column follows 企业信息化负责人, so it is the IT lead's number; the legal representative's is accepted too.
  const phone = textOf(row.phone);
  const leadPhone = f.itLeadPhone && textOf(f.itLeadPhone);
  const legalPhone = f.legalPhone && textOf(f.legalPhone);
  if (phone && leadPhone) {
    const known = [leadPhone, legalPhone].filter((p): p is string => !!p).map(digits);
    if (!known.includes(digits(phone))) mismatch(row.phone, 'itLeadPhone', phone, leadPhone, f.itLeadPhone!);
  }
}

function checkSequence(a3: A3Record, city: CitySubmission, report: Report<Code>): void {
  const count = a3.rows.length;
  if (count === 0) return;
  const seen = new Map<number, number>();
  const invalid: string[] = [];
  let firstBad: Cell<unknown> | undefined;
  for (const row of a3.rows) {
    const v = row.seq.value;
    if (v === null || !Number.isInteger(v) || v < 1 || v > count) {
      invalid.push(v === null ? `第${row.row}行空` : String(v));
      firstBad ??= row.seq;
      continue;
    }
    if (seen.has(v)) firstBad ??= row.seq;
    seen.set(v, (seen.get(v) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([v]) => v).sort((a, b) => a - b);
  const missing: number[] = [];
  for (let i = 1; i <= count; i++) if (!seen.has(i)) missing.push(i);
  if (!duplicates.length && !missing.length && !invalid.length) return;
  const list = (xs: readonly (string | number)[]) => (xs.length ? xs.join('、') : '无');
  report(
    'A3_SEQ_INVALID',
    { count, duplicates: list(duplicates), missing: list(missing), invalid: list(invalid) },
    firstBad?.loc ?? { file: a3.file, sheet: a3.sheet },
    { city },
  );
}

export const a3ConsistencyCheck = defineCheck({
  id: 'values.a3Consistency',
  description: '附件3 的行与企业材料一一对应，数字与附件1 一致，序号为 1…n',
  notice: '三、（二）「组织初审评估后向省经信厅报送推荐企业申报材料，及推荐排序表（附件3）」',
  codes,
  run({ submission }, report) {
    for (const city of submission.cities) {
      const a3 = city.a3;
      if (!a3) continue; // presence reports the missing table
      checkSequence(a3, city, report);

      const names = city.applicants.map(packNames);
      const matched = new Set<ApplicantPack>();
      const rowOfName = new Map<string, A3Row>();
      for (const row of a3.rows) {
        const name = textOf(row.enterpriseName);
        const rowLoc = { file: a3.file, sheet: a3.sheet, row: row.row };
        if (!name) {
          report('A3_ROW_WITHOUT_PACK', { name: '（企业名称为空）' }, row.enterpriseName.loc.cell ? row.enterpriseName.loc : rowLoc, { city });
          continue;
        }
        const key = normaliseEnterpriseName(name);
        const earlier = rowOfName.get(key);
        if (earlier) {
          report('A3_ROW_DUPLICATE', { name, otherRow: earlier.row }, row.enterpriseName.loc, { city });
          continue;
        }
        rowOfName.set(key, row);
        const packs = city.applicants.filter((_, i) => names[i]!.has(key));
        if (packs.length === 0) report('A3_ROW_WITHOUT_PACK', { name }, row.enterpriseName.loc, { city });
        for (const pack of packs) {
          matched.add(pack);
          compareRow(row, pack, report);
        }
      }
      for (const pack of city.applicants)
        if (!matched.has(pack))
          report('PACK_WITHOUT_A3_ROW', { name: packDisplayName(pack) }, { file: a3.file, sheet: a3.sheet }, { applicant: pack });
    }
  },
});
