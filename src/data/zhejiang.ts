/**
 * Zhejiang's administrative divisions as of 2021 (after the April 2021 reorganisation of Hangzhou:
 * 上城/拱墅 absorbed 江干/下城, 临平 and 钱塘 created), and a lenient locator for registered addresses.
 * The notice limits applicants to enterprises registered in Zhejiang, so the locator decides rejections:
 * it only says "outside" when the address positively names another province and no Zhejiang place.
 */

export interface ZhejiangCity {
  city: string;
  /** Administrative division code (GB/T 2260), e.g. 3301 for 杭州市. */
  code: string;
  districts: readonly string[];
}

/**
 * The eleven cities in the order Zhejiang's documents list them (杭州、宁波、温州、湖州、嘉兴、绍兴、金华、
 * 衢州、舟山、台州、丽水). Every report lists and groups cities in this order (`compareCityNames`); it
 * differs from the code order only in 湖州 (3305) coming before 嘉兴 (3304).
 */
export const ZHEJIANG: readonly ZhejiangCity[] = [
  {
    city: '杭州市',
    code: '3301',
    districts: ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'],
  },
  {
    city: '宁波市',
    code: '3302',
    districts: ['海曙区', '江北区', '北仑区', '镇海区', '鄞州区', '奉化区', '象山县', '宁海县', '余姚市', '慈溪市'],
  },
  {
    city: '温州市',
    code: '3303',
    districts: ['鹿城区', '龙湾区', '瓯海区', '洞头区', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县', '瑞安市', '乐清市', '龙港市'],
  },
  { city: '湖州市', code: '3305', districts: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'] },
  { city: '嘉兴市', code: '3304', districts: ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市'] },
  { city: '绍兴市', code: '3306', districts: ['越城区', '柯桥区', '上虞区', '新昌县', '诸暨市', '嵊州市'] },
  {
    city: '金华市',
    code: '3307',
    districts: ['婺城区', '金东区', '武义县', '浦江县', '磐安县', '兰溪市', '义乌市', '东阳市', '永康市'],
  },
  { city: '衢州市', code: '3308', districts: ['柯城区', '衢江区', '常山县', '开化县', '龙游县', '江山市'] },
  { city: '舟山市', code: '3309', districts: ['定海区', '普陀区', '岱山县', '嵊泗县'] },
  {
    city: '台州市',
    code: '3310',
    districts: ['椒江区', '黄岩区', '路桥区', '三门县', '天台县', '仙居县', '温岭市', '临海市', '玉环市'],
  },
  {
    city: '丽水市',
    code: '3311',
    districts: ['莲都区', '青田县', '缙云县', '遂昌县', '松阳县', '云和县', '庆元县', '景宁畲族自治县', '龙泉市'],
  },
];

/** The eleven city names (with 市) in official order. */
export const CITY_NAMES: readonly string[] = ZHEJIANG.map((c) => c.city);

const CITY_POSITION: ReadonlyMap<string, number> = new Map(CITY_NAMES.map((c, i) => [c, i]));

/**
 * Official order for city names as delivered (杭州市, 杭州, 杭州市.zip): the eleven first in the order of
 * `ZHEJIANG`, then any other name in code-point order, then '' (applicants outside any city) last.
 */
export function compareCityNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '' || b === '') return a === '' ? 1 : -1;
  const pa = CITY_POSITION.get(normaliseCityName(a)) ?? CITY_NAMES.length;
  const pb = CITY_POSITION.get(normaliseCityName(b)) ?? CITY_NAMES.length;
  return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
}

/** The 33 provincial-level divisions other than Zhejiang, full names. */
export const OTHER_PROVINCES: readonly string[] = [
  '北京市', '天津市', '上海市', '重庆市',
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '安徽省', '福建省', '江西省', '山东省', '河南省',
  '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省', '青海省', '台湾省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
];

/**
 * District names of Zhejiang that also exist in another province (普陀区 in 上海, 西湖区 in 南昌,
 * 江北区 in 重庆; the old 江东区 of 宁波 had namesakes too): they only place an address in Zhejiang when
 * nothing in it points elsewhere.
 */
const AMBIGUOUS_DISTRICTS: ReadonlySet<string> = new Set(['普陀区', '西湖区', '江北区', '江东区']);

/**
 * Names abolished before 2021 that registered addresses (copied from an old business licence) still
 * carry. They place the address in their city; the successor district is not always one, so none is given.
 */
const LEGACY_DISTRICTS: Readonly<Record<string, string>> = {
  下城区: '杭州市',
  江干区: '杭州市',
  富阳市: '杭州市',
  临安市: '杭州市',
  江东区: '宁波市',
  奉化市: '宁波市',
  洞头县: '温州市',
  绍兴县: '绍兴市',
  上虞市: '绍兴市',
  玉环县: '台州市',
};

const CITY_SET: ReadonlySet<string> = new Set(CITY_NAMES);

const DISTRICT_CITY: ReadonlyMap<string, string> = new Map(
  ZHEJIANG.flatMap((c) => c.districts.map((d) => [d, c.city] as const)),
);

/** Strips the 市 suffix and a `.zip` ending, so 杭州, 杭州市 and 杭州市.zip all give 杭州市 when known. */
export function normaliseCityName(name: string): string {
  const bare = name.trim().replace(/\.zip$/i, '').replace(/\s+/g, '');
  const stem = bare.replace(/市$/, '');
  const full = `${stem}市`;
  return CITY_SET.has(full) ? full : bare;
}

/** True for one of the 11 prefecture-level cities, with or without 市 (杭州 / 杭州市). */
export function isZhejiangCity(name: string): boolean {
  return CITY_SET.has(normaliseCityName(name));
}

export interface AddressLocation {
  city: string | null;
  district: string | null;
  inZhejiang: boolean;
  /** The other province the address names (full name), when it names one and no Zhejiang place. */
  otherProvince: string | null;
}

interface Mention {
  at: number;
  name: string;
}

function firstMention(text: string, names: Iterable<string>): Mention | null {
  let best: Mention | null = null;
  for (const name of names) {
    const at = text.indexOf(name);
    if (at >= 0 && (!best || at < best.at)) best = { at, name };
  }
  return best;
}

/** Province stems as people write them (上海浦东…, 江苏苏州…), keyed to the full name. */
const OTHER_PROVINCE_FORMS: ReadonlyMap<string, string> = new Map(
  OTHER_PROVINCES.flatMap((full) => {
    const stem = full.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
    return [
      [full, full],
      [stem, full],
    ] as const;
  }),
);

/**
 * Cities elsewhere that addresses name without their province (苏州工业园区…, 南昌市西湖区…): the capitals
 * and the big cities of the neighbouring provinces. Keyed to their province.
 */
const OTHER_CITIES: Readonly<Record<string, string>> = {
  石家庄: '河北省', 太原: '山西省', 沈阳: '辽宁省', 大连: '辽宁省', 长春: '吉林省', 哈尔滨: '黑龙江省',
  南京: '江苏省', 苏州: '江苏省', 无锡: '江苏省', 常州: '江苏省', 南通: '江苏省', 扬州: '江苏省', 徐州: '江苏省',
  合肥: '安徽省', 芜湖: '安徽省', 黄山市: '安徽省', 宣城: '安徽省',
  福州: '福建省', 厦门: '福建省', 泉州: '福建省', 宁德: '福建省',
  南昌: '江西省', 上饶: '江西省', 景德镇: '江西省',
  济南: '山东省', 青岛: '山东省', 郑州: '河南省', 武汉: '湖北省', 长沙: '湖南省',
  广州: '广东省', 深圳: '广东省', 东莞: '广东省', 佛山: '广东省', 海口: '海南省', 成都: '四川省',
  贵阳: '贵州省', 昆明: '云南省', 西安: '陕西省', 兰州: '甘肃省', 西宁: '青海省',
  呼和浩特: '内蒙古自治区', 南宁: '广西壮族自治区', 拉萨: '西藏自治区', 银川: '宁夏回族自治区',
  乌鲁木齐: '新疆维吾尔自治区',
};

function findOtherProvince(text: string): Mention | null {
  const m = firstMention(text, [...OTHER_PROVINCE_FORMS.keys(), ...Object.keys(OTHER_CITIES)]);
  return m ? { at: m.at, name: OTHER_PROVINCE_FORMS.get(m.name) ?? OTHER_CITIES[m.name]! } : null;
}

function findCity(text: string): Mention | null {
  // 宁波杭州湾新区 lies in 宁波 (慈溪): 杭州湾 must not read as 杭州.
  const cleaned = text.replace(/杭州湾/g, '＿＿＿');
  const forms = new Map<string, string>();
  for (const c of CITY_SET) {
    forms.set(c, c);
    forms.set(c.replace(/市$/, ''), c);
  }
  const m = firstMention(cleaned, forms.keys());
  return m ? { at: m.at, name: forms.get(m.name)! } : null;
}

/**
 * Where a registered address lies. Inside Zhejiang when it mentions 浙江, one of the 11 cities (with or
 * without 市) or an unambiguous district/county; a name shared with another province (普陀区 …) counts only
 * when nothing points elsewhere. When both a Zhejiang place and another province appear without 浙江
 * (上海市宁波路…), whichever comes first wins, as addresses go from large to small.
 */
export function locateAddress(address: string): AddressLocation {
  // 景宁县 is how most people shorten 景宁畲族自治县.
  const text = address.normalize('NFKC').replace(/\s+/g, '').replace(/景宁县/g, '景宁畲族自治县');
  const zj = text.indexOf('浙江');
  const city = findCity(text);
  const unambiguous = firstMention(
    text,
    [...DISTRICT_CITY.keys(), ...Object.keys(LEGACY_DISTRICTS)].filter((d) => !AMBIGUOUS_DISTRICTS.has(d)),
  );
  const ambiguous = firstMention(text, AMBIGUOUS_DISTRICTS);
  const other = findOtherProvince(text);

  const strongAt = Math.min(
    ...[zj >= 0 ? zj : Infinity, city?.at ?? Infinity, unambiguous?.at ?? Infinity],
  );
  const inZhejiang =
    zj >= 0 || (strongAt < Infinity && (!other || strongAt < other.at)) || (!other && ambiguous !== null);

  if (!inZhejiang) return { city: null, district: null, inZhejiang: false, otherProvince: other?.name ?? null };

  const districtCity = (d: string): string | undefined => DISTRICT_CITY.get(d) ?? LEGACY_DISTRICTS[d];
  // Every district mentioned, in order, so 舟山市普陀区 finds 普陀区 once the city settles the ambiguity.
  const mentioned = [...DISTRICT_CITY.keys(), ...Object.keys(LEGACY_DISTRICTS)]
    .map((d) => ({ at: text.indexOf(d), name: d }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  // The earliest place decides the city: in 萧山区金华路 the 金华 is a street, not the city.
  const byDistrict = unambiguous ?? ambiguous;
  const cityName =
    (city && (!byDistrict || city.at <= byDistrict.at) ? city.name : undefined) ??
    (byDistrict ? districtCity(byDistrict.name) : undefined) ??
    city?.name ??
    null;
  const district = mentioned.find(
    (m) => DISTRICT_CITY.has(m.name) && (cityName === null || DISTRICT_CITY.get(m.name) === cityName),
  );
  return { city: cityName, district: district?.name ?? null, inZhejiang: true, otherProvince: null };
}
