import { describe, expect, it } from 'vitest';
import { productListCheck } from '../src/validate/checks/evidence/productList.js';
import { makePdf } from '../src/util/images.js';
import { codesOf, pack, productCell, PRODUCTS_FILE, PRODUCTS_SHEET, run } from './checks-evidence-helpers.js';

const files = {
  '合同/ECS合同.pdf': makePdf('ECS contract'),
  '发票/ECS发票.pdf': makePdf('ECS invoice'),
  '合同/RDS合同.pdf': makePdf('RDS contract'),
};

describe('evidence.productList', () => {
  it('accepts a list whose files exist, typed with backslashes or starting with 证明材料/', async () => {
    const p = pack({
      files,
      cloudInvestment3y: 100,
      products: [
        { name: '云服务器ECS', category: 'IaaS', amount: 60.1, contract: '合同\\ECS合同.pdf', invoice: '证明材料/发票/ECS发票.pdf' },
        { name: '云数据库RDS', category: '数据库', amount: 39.9, contract: '合同/RDS合同.pdf' },
      ],
    });
    expect(await run(productListCheck, p)).toEqual([]);
  });

  it('reports a missing product list', async () => {
    const p = pack({ files });
    expect(await run(productListCheck, p)).toEqual([
      expect.objectContaining({ code: 'PRODUCT_LIST_MISSING', severity: 'error', location: { file: p.id } }),
    ]);
  });

  it('reports a list without rows', async () => {
    expect(codesOf(await run(productListCheck, pack({ files, products: [] })))).toEqual(['PRODUCT_LIST_EMPTY']);
  });

  it('reports a listed invoice file that is not there, at its cell', async () => {
    const p = pack({
      files,
      products: [
        { name: '云服务器ECS', category: 'IaaS', amount: 10, contract: '合同/ECS合同.pdf', invoice: '发票/ECS发票.pdf' },
        { name: '对象存储OSS', category: 'IaaS', amount: 5, contract: '合同/ECS合同.pdf', invoice: '发票/OSS发票.pdf' },
      ],
    });
    expect(await run(productListCheck, p)).toEqual([
      expect.objectContaining({
        code: 'PRODUCT_FILE_MISSING',
        severity: 'error',
        args: { product: '对象存储OSS', column: '发票文件', path: '发票/OSS发票.pdf' },
        location: { file: `${p.id}/${PRODUCTS_FILE}`, sheet: PRODUCTS_SHEET, cell: productCell(1, 'invoice') },
      }),
    ]);
  });

  it('warns when the listed amounts add up to more than the claimed 近三年上云投入', async () => {
    const p = pack({
      files,
      cloudInvestment3y: 50,
      products: [
        { name: '云服务器ECS', category: 'IaaS', amount: 30.1, contract: '合同/ECS合同.pdf' },
        { name: '云数据库RDS', category: '数据库', amount: 20, contract: '合同/RDS合同.pdf' },
      ],
    });
    expect(await run(productListCheck, p)).toEqual([
      expect.objectContaining({ code: 'PRODUCT_AMOUNT_EXCEEDS_INVESTMENT', severity: 'warning', args: { total: 50.1, claimed: 50 } }),
    ]);
  });

  it('adds amounts as a person does, so 0.1 + 0.2 is not more than 0.3', async () => {
    const p = pack({
      files,
      cloudInvestment3y: 0.3,
      products: [
        { name: 'A', category: 'SaaS', amount: 0.1 },
        { name: 'B', category: 'SaaS', amount: 0.2 },
      ],
    });
    expect(await run(productListCheck, p)).toEqual([]);
  });
});
