import { describe, expect, it } from 'vitest';
import { OTHER_PROVINCES, ZHEJIANG, compareCityNames, isZhejiangCity, locateAddress, normaliseCityName } from '../src/data/zhejiang.js';

describe('ZHEJIANG', () => {
  it('lists the 11 prefecture-level cities with 90 districts, counties and county-level cities', () => {
    expect(ZHEJIANG.map((c) => c.city)).toEqual([
      '杭州市', '宁波市', '温州市', '湖州市', '嘉兴市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市',
    ]);
    const all = ZHEJIANG.flatMap((c) => c.districts);
    expect(all).toHaveLength(90);
    expect(new Set(all).size).toBe(90);
  });

  it('holds Hangzhou after the 2021 reorganisation', () => {
    expect(ZHEJIANG[0]!.districts).toEqual([
      '上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市',
    ]);
  });

  it('names the 33 other provincial-level divisions', () => {
    expect(OTHER_PROVINCES).toHaveLength(33);
    expect(OTHER_PROVINCES).not.toContain('浙江省');
  });
});

describe('compareCityNames', () => {
  it('sorts the official order, short names and zips alike, then other names, then none', () => {
    const names = ['', '丽水市', '外省', '嘉兴市.zip', '湖州', '杭州市', '台州市', '宁波市'];
    expect([...names].sort(compareCityNames)).toEqual(['杭州市', '宁波市', '湖州', '嘉兴市.zip', '台州市', '丽水市', '外省', '']);
  });

  it('gives each city its administrative code', () => {
    expect(ZHEJIANG.map((c) => c.code).sort()).toEqual(['3301', '3302', '3303', '3304', '3305', '3306', '3307', '3308', '3309', '3310', '3311']);
  });
});

describe('isZhejiangCity', () => {
  it('accepts a city with or without 市 and rejects others', () => {
    expect(isZhejiangCity('杭州市')).toBe(true);
    expect(isZhejiangCity('杭州')).toBe(true);
    expect(isZhejiangCity('苏州市')).toBe(false);
    expect(isZhejiangCity('义乌市')).toBe(false);
  });

  it('normalises a city folder name including a .zip ending', () => {
    expect(normaliseCityName('杭州市.zip')).toBe('杭州市');
    expect(normaliseCityName(' 宁波 ')).toBe('宁波市');
    expect(normaliseCityName('其他')).toBe('其他');
  });
});

describe('locateAddress', () => {
  it('places a full provincial address in its city and district', () => {
    expect(locateAddress('浙江省杭州市西湖区文三路90号')).toEqual({
      city: '杭州市', district: '西湖区', inZhejiang: true, otherProvince: null,
    });
  });

  it('places an address that starts at the city', () => {
    expect(locateAddress('宁波市鄞州区首南街道')).toMatchObject({ city: '宁波市', district: '鄞州区', inZhejiang: true });
  });

  it('places a county-level city in its prefecture', () => {
    expect(locateAddress('义乌市稠城街道工人北路1号')).toMatchObject({ city: '金华市', district: '义乌市', inZhejiang: true });
  });

  it('reads the short form 景宁县', () => {
    expect(locateAddress('丽水市景宁县红星街道')).toMatchObject({ city: '丽水市', district: '景宁畲族自治县' });
  });

  it('puts 上海市普陀区 outside Zhejiang', () => {
    expect(locateAddress('上海市普陀区真北路')).toMatchObject({ inZhejiang: false, otherProvince: '上海市' });
  });

  it('puts a Jiangsu address outside Zhejiang', () => {
    expect(locateAddress('江苏省苏州市工业园区星湖街')).toMatchObject({ inZhejiang: false, otherProvince: '江苏省' });
  });

  it('puts 舟山市普陀区 inside Zhejiang', () => {
    expect(locateAddress('舟山市普陀区沈家门街道')).toMatchObject({ city: '舟山市', district: '普陀区', inZhejiang: true });
  });

  it('counts an ambiguous district alone as Zhejiang when nothing points elsewhere', () => {
    expect(locateAddress('普陀区东港街道')).toMatchObject({ city: '舟山市', district: '普陀区', inZhejiang: true });
    expect(locateAddress('南昌市西湖区')).toMatchObject({ inZhejiang: false, otherProvince: '江西省' });
    expect(locateAddress('江西省南昌市西湖区')).toMatchObject({ inZhejiang: false, otherProvince: '江西省' });
  });

  it('lets the first place win when a street is named after another place', () => {
    expect(locateAddress('上海市宁波路18号')).toMatchObject({ inZhejiang: false });
    expect(locateAddress('杭州市上城区江西路')).toMatchObject({ city: '杭州市', inZhejiang: true });
    expect(locateAddress('萧山区金华路8号')).toMatchObject({ city: '杭州市', district: '萧山区' });
  });

  it('reads 宁波杭州湾新区 as Ningbo', () => {
    expect(locateAddress('浙江省宁波杭州湾新区滨海二路')).toMatchObject({ city: '宁波市', inZhejiang: true });
    expect(locateAddress('浙江省杭州湾新区')).toMatchObject({ city: null, inZhejiang: true });
  });

  it('puts a well-known city of another province outside even without its province', () => {
    expect(locateAddress('苏州工业园区星湖街328号')).toMatchObject({ inZhejiang: false, otherProvince: '江苏省' });
  });

  it('places a district abolished before 2021 in its city', () => {
    expect(locateAddress('杭州市江干区九堡')).toMatchObject({ city: '杭州市', district: null, inZhejiang: true });
    expect(locateAddress('江干区九堡')).toMatchObject({ city: '杭州市', inZhejiang: true });
  });

  it('says neither inside nor another province when the address names no place', () => {
    expect(locateAddress('工业园区18号')).toEqual({ city: null, district: null, inZhejiang: false, otherProvince: null });
  });
});
