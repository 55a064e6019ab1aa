import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { addressCheck } from '../src/validate/checks/values/address.js';
import { a1CellOf, city, contextOf, pack, submission } from './checks-values-helpers.js';

const run = async (cityName: string, registeredAddress: string) =>
  runCheck(addressCheck, await contextOf(submission([city(cityName, [pack({ city: cityName, a1: { registeredAddress } })])])));

describe('address', () => {
  it('finds nothing for an address in the city that recommends it', async () => {
    expect(await run('杭州市', '浙江省杭州市西湖区文三路90号')).toEqual([]);
    expect(await run('金华市', '义乌市稠城街道工人北路1号')).toEqual([]);
    expect(await run('舟山市', '舟山市普陀区沈家门街道')).toEqual([]);
  });

  it('rejects an address in another province at the address cell', async () => {
    const findings = await run('杭州市', '上海市普陀区真北路88号');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'ADDRESS_OUTSIDE_ZJ',
        severity: 'error',
        args: { address: '上海市普陀区真北路88号', province: '上海市' },
        location: expect.objectContaining({ cell: a1CellOf('registeredAddress') }),
        applicant: '杭州市/杭州云上科技有限公司',
      }),
    ]);
    expect((await run('杭州市', '江苏省苏州市工业园区'))[0]?.code).toBe('ADDRESS_OUTSIDE_ZJ');
  });

  it('warns when the address names no place it can tell', async () => {
    expect((await run('杭州市', '科技园18号')).map((f) => [f.code, f.severity])).toEqual([['ADDRESS_UNRECOGNISED', 'warning']]);
  });

  it('warns when the address lies in another Zhejiang city than the folder', async () => {
    const findings = await run('杭州市', '宁波市鄞州区首南街道');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'ADDRESS_CITY_MISMATCH',
        severity: 'warning',
        args: { address: '宁波市鄞州区首南街道', addressCity: '宁波市', folderCity: '杭州市' },
      }),
    ]);
  });

  it('normalises the folder name before comparing cities', async () => {
    expect(await run('杭州', '杭州市萧山区')).toEqual([]);
    expect(await run('杭州市.zip', '杭州市萧山区')).toEqual([]);
  });

  it('warns about a city folder that is not one of the 11 cities', async () => {
    const findings = await run('上报材料', '杭州市萧山区');
    expect(findings).toEqual([
      expect.objectContaining({ code: 'CITY_FOLDER_UNKNOWN', args: { name: '上报材料' }, city: '上报材料', location: { file: '上报材料' } }),
    ]);
  });
});
