/**
 * Everything the notice asks each applicant and each city to send is there: 附件1 and 附件2 per
 * enterprise, exactly one 附件3 per city, and every required field of 附件1 filled in.
 */
import { defineCheck } from '../../check.js';
import type { A1FieldKey } from '../../../model/records.js';
import { A1_LABELS, A1_REQUIRED } from './a1Fields.js';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export const presenceCheck = defineCheck({
  id: 'values.presence',
  description: '每家企业有附件1 和附件2，每个市有一份附件3，附件1 的必填项已填写',
  notice: '三、（一）「填写“制造业云上企业申报表”（附件1）和“制造业云上企业用云水平评估表”（附件2）」；三、（二）「报送推荐企业申报材料，及推荐排序表（附件3）」',
  codes: {
    A1_MISSING: {
      severity: 'error',
      zh: '缺少附件1《制造业云上企业申报表》',
      en: 'Attachment 1 (application form) is missing',
      fixZh: '在企业文件夹中放入填写完整的附件1申报表（.xlsx）',
      fixEn: 'Put the completed Attachment 1 (.xlsx) in the applicant folder',
    },
    A2_MISSING: {
      severity: 'error',
      zh: '缺少附件2《用云水平评估表》',
      en: 'Attachment 2 (cloud use assessment) is missing',
      fixZh: '在企业文件夹中放入填写完整的附件2用云水平评估表（.xlsx）',
      fixEn: 'Put the completed Attachment 2 (.xlsx) in the applicant folder',
    },
    A3_MISSING: {
      severity: 'error',
      zh: '市级文件夹中缺少附件3《推荐排序表》',
      en: 'The city has no Attachment 3 (recommendation ranking table)',
      fixZh: '在市级文件夹中放入一份推荐排序表（可用 yunshang draft-a3 生成草稿）',
      fixEn: 'Put one ranking table in the city folder (`yunshang draft-a3` writes a draft)',
    },
    A3_MULTIPLE: {
      severity: 'error',
      zh: '市级文件夹中有多份推荐排序表：已使用 {used}，本文件未使用',
      en: 'More than one ranking table in the city folder: {used} is used, this one is not',
      fixZh: '每个市只保留一份推荐排序表，删除多余或旧版本的文件',
      fixEn: 'Keep exactly one ranking table per city; delete the extra or outdated files',
    },
    REQUIRED_FIELD_EMPTY: {
      severity: 'error',
      zh: '必填项「{field}」未填写',
      en: 'Required field "{fieldEn}" is empty',
      fixZh: '在申报表中填写「{field}」；表中没有这一项时，请改用 yunshang template 生成的申报表',
      fixEn: 'Fill in "{fieldEn}" in the application form; if the form has no such row, use the form written by `yunshang template`',
    },
  },
  run({ submission }, report) {
    for (const city of submission.cities) {
      // A lone applicant folder has no city around it, hence no ranking table to ask for.
      if (submission.kind !== 'applicant') {
        if (!city.a3) report('A3_MISSING', {}, { file: city.id || city.name || '.' }, { city });
        for (const file of city.extraA3Files ?? [])
          report('A3_MULTIPLE', { used: city.a3?.file ?? '' }, { file }, { city });
      }
      for (const pack of city.applicants) {
        if (!pack.a1) report('A1_MISSING', {}, { file: pack.id }, { applicant: pack });
        if (!pack.a2) report('A2_MISSING', {}, { file: pack.id }, { applicant: pack });
        if (!pack.a1) continue;
        for (const key of A1_REQUIRED) {
          const label = { field: A1_LABELS[key].zh, fieldEn: A1_LABELS[key].en };
          const cell = pack.a1.fields[key as A1FieldKey];
          if (!cell) {
            // The label itself is gone: point at the form, there is no cell to open.
            report('REQUIRED_FIELD_EMPTY', label, { file: pack.a1.file, sheet: pack.a1.sheet }, { applicant: pack });
            continue;
          }
          // A value typed but not readable (「约三百」 as a number) was already reported by the form reader.
          if (isEmpty(cell.value) && isEmpty(cell.raw)) report('REQUIRED_FIELD_EMPTY', label, cell.loc, { applicant: pack });
        }
      }
    }
  },
});
