import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { loadRules } from '../src/rules/load.js';
import { readForms, type FormsFound } from '../src/ingest/forms/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const ORIGINAL = join(FIXTURES, 'submissions/杭州市/杭州达辰化纤股份有限公司');
const RESAVED = join(FIXTURES, 'saved-by-libreoffice');

async function read(file: string): Promise<FormsFound> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readForms(wb, 'form.xlsx', await loadRules());
}

/** The records without their file names, which differ between the two copies by design. */
const values = (f: FormsFound) => JSON.parse(JSON.stringify(f, (k, v) => (k === 'file' ? undefined : v)));

describe('forms saved again by LibreOffice Calc', () => {
  for (const name of ['附件1-申报表.xlsx', '附件2-用云水平评估表.xlsx', '系统清单.xlsx']) {
    it(`reads ${name} to the same values at the same cells`, async () => {
      const [original, resaved] = await Promise.all([read(join(ORIGINAL, name)), read(join(RESAVED, name))]);
      expect(resaved.findings).toEqual([]);
      expect(values(resaved)).toEqual(values(original));
      expect(Object.keys(values(original)).length).toBeGreaterThan(1);
    });
  }
});
