/**
 * One enterprise, one application: the same enterprise sent twice (by one city or by two) is an error
 * on every copy, since the province cannot tell which one counts. Same means the same name (spaces,
 * full-width forms and bracket styles aside) or the same 统一社会信用代码.
 */
import { defineCheck } from '../../check.js';
import type { ApplicantPack } from '../../../model/records.js';
import { normaliseCreditCode, normaliseEnterpriseName, textOf } from './enterpriseKey.js';

/** Groups packs linked by a shared name or code (a chain of links makes one group). */
function groupsOfSameEnterprise(packs: readonly ApplicantPack[]): ApplicantPack[][] {
  const parent = packs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWithKey = new Map<string, number>();
  packs.forEach((pack, i) => {
    const name = textOf(pack.a1?.fields.enterpriseName);
    const code = textOf(pack.a1?.fields.creditCode);
    const keys = [name && `name:${normaliseEnterpriseName(name)}`, code && `code:${normaliseCreditCode(code)}`];
    for (const key of keys) {
      if (!key) continue;
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, ApplicantPack[]>();
  packs.forEach((pack, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), pack]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

export const duplicatesCheck = defineCheck({
  id: 'values.duplicates',
  description: '同一企业（名称或统一社会信用代码相同）只申报一次，无论在同一市还是不同市',
  notice: '通知未明文规定（本工具的理解：同一企业只能占一个名额）；四、（三）「内容、数据失实的，经信部门将终止其申报」',
  codes: {
    DUPLICATE_ENTERPRISE: {
      severity: 'error',
      zh: '同一企业「{name}」重复申报：另见 {others}',
      en: 'The enterprise "{name}" applied more than once: see also {others}',
      fixZh: '每家企业只能由注册地所在市申报一次：保留一份申报材料，撤回其余',
      fixEn: 'Each enterprise applies once, through its city: keep one pack and withdraw the others',
    },
  },
  run({ submission }, report) {
    const packs = submission.cities.flatMap((c) => c.applicants);
    for (const group of groupsOfSameEnterprise(packs))
      for (const pack of group) {
        const others = group.filter((p) => p !== pack).map((p) => p.id);
        const nameCell = pack.a1?.fields.enterpriseName;
        const name = textOf(nameCell) ?? pack.folderName;
        report(
          'DUPLICATE_ENTERPRISE',
          { name, others: others.join('、') },
          nameCell?.loc ?? { file: pack.id },
          { applicant: pack },
        );
      }
  },
});
