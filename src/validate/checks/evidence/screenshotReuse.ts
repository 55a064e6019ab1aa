/**
 * The same picture (by content, not name) shown for two systems, or sent by two enterprises, is
 * likely copied evidence. It is a warning for the reviewers, naming where else it appears.
 */
import { defineCheck } from '../../check.js';
import { formatLocation, type Location } from '../../../model/location.js';
import type { ApplicantPack } from '../../../model/records.js';
import { applicantsOf, cellPlace, EvidenceIndex, hasText } from './evidencePaths.js';
import { SCREENSHOT_COLUMNS } from './screenshots.js';

interface Use {
  pack: ApplicantPack;
  system: string;
  column: string;
  path: string;
  where: Location;
}

/** Two rows naming the same system (one as 生产, again as 系统协同) may rightly show the same pictures. */
const systemKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function usesOf(pack: ApplicantPack): Map<string, Use[]> {
  const byContent = new Map<string, Use[]>();
  const list = pack.systems;
  if (!list) return byContent;
  const index = new EvidenceIndex(pack.evidence);
  for (const row of list.rows) {
    const system = row.name.value ?? `第${row.row}行`;
    const seenInRow = new Set<string>();
    for (const { column, cell } of SCREENSHOT_COLUMNS) {
      const typed = cell(row);
      if (!hasText(typed.value)) continue;
      const file = index.find(typed.value);
      // Empty files all share one content key; they are reported as not images, not as copies.
      if (!file || file.size === 0 || seenInRow.has(file.content)) continue;
      seenInRow.add(file.content);
      const use = { pack, system, column, path: file.path, where: cellPlace(typed, list, row.row) };
      const uses = byContent.get(file.content);
      if (uses) uses.push(use);
      else byContent.set(file.content, [use]);
    }
  }
  return byContent;
}

export const screenshotReuseCheck = defineCheck({
  id: 'evidence.screenshotReuse',
  description: '同一截图（按内容）用于两个系统或出现在两家企业的材料中',
  notice: '附件2 填表说明 2（2）「每个系统的登录页和功能主页截图」；四、（三）「申报企业对填报内容和数据真实性负责」',
  codes: {
    SCREENSHOT_REUSED: {
      severity: 'warning',
      zh: '系统「{system}」的{column}与系统「{otherSystem}」的截图内容相同（{otherPlace}）',
      en: 'The {column} of system "{system}" has the same content as a screenshot of system "{otherSystem}" ({otherPlace})',
      fixZh: '为每个系统提供其自身的登录页和功能主页截图',
      fixEn: 'Provide each system’s own login-page and main-page screenshots',
    },
    SCREENSHOT_SHARED_ACROSS_APPLICANTS: {
      severity: 'warning',
      zh: '系统「{system}」的{column}与另一家申报企业 {otherApplicant} 提交的截图内容相同（{otherPlace}）',
      en: 'The {column} of system "{system}" has the same content as a screenshot sent by another applicant, {otherApplicant} ({otherPlace})',
      fixZh: '核实截图是否为本企业系统的真实截图；如系共用平台，请在功能简介中说明',
      fixEn: 'Check the screenshot is of the applicant’s own system; if the platform is shared, say so in the description',
    },
  },
  run(ctx, report) {
    const province = new Map<string, Use[]>();
    for (const pack of applicantsOf(ctx.submission)) {
      for (const [content, uses] of usesOf(pack)) {
        uses.forEach((use, i) => {
          const first = uses.slice(0, i).find((u) => systemKey(u.system) !== systemKey(use.system));
          if (first)
            report(
              'SCREENSHOT_REUSED',
              { system: use.system, column: use.column, otherSystem: first.system, otherPlace: formatLocation(first.where) },
              use.where,
              { applicant: pack },
            );
        });
        const seen = province.get(content);
        if (seen) seen.push(uses[0]!);
        else province.set(content, [uses[0]!]);
      }
    }
    for (const uses of province.values()) {
      if (uses.length < 2) continue;
      // Each applicant hears of one other: the first other applicant in input order.
      for (const use of uses) {
        const other = uses.find((u) => u.pack !== use.pack)!;
        report(
          'SCREENSHOT_SHARED_ACROSS_APPLICANTS',
          { system: use.system, column: use.column, otherApplicant: other.pack.id, otherPlace: formatLocation(other.where) },
          use.where,
          { applicant: use.pack },
        );
      }
    }
  },
});
