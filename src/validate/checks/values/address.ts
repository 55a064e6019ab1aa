/**
 * The notice is for enterprises registered in Zhejiang: the registered address must lie in one of the
 * 11 cities, and normally in the city whose bureau recommends the enterprise.
 */
import { defineCheck } from '../../check.js';
import { isZhejiangCity, locateAddress, normaliseCityName } from '../../../data/zhejiang.js';

export const addressCheck = defineCheck({
  id: 'values.address',
  description: '注册地址在浙江省内，且在推荐该企业的城市',
  notice: '二、（一）「申报企业须注册在浙江省境内」；三、（二）「各市经信局汇总辖区内企业申报材料」',
  codes: {
    ADDRESS_OUTSIDE_ZJ: {
      severity: 'error',
      zh: '注册地址不在浙江省（地址指向{province}）：{address}',
      en: 'Registered address is outside Zhejiang (it names {province}): {address}',
      fixZh: '本次评选仅限浙江省内注册的制造业企业；如地址填错，请按营业执照更正注册地址',
      fixEn: 'Only enterprises registered in Zhejiang may apply; if the address is wrong, copy it from the business licence',
    },
    ADDRESS_UNRECOGNISED: {
      severity: 'warning',
      zh: '无法从注册地址判断所在地市：{address}',
      en: 'Cannot tell which city the registered address is in: {address}',
      fixZh: '按营业执照填写完整注册地址，含省、市、区县（如：浙江省杭州市西湖区……）',
      fixEn: 'Copy the full registered address from the business licence, with province, city and district',
    },
    ADDRESS_CITY_MISMATCH: {
      severity: 'warning',
      zh: '注册地址在{addressCity}，但由{folderCity}推荐：{address}',
      en: 'Registered address is in {addressCity} but the enterprise is recommended by {folderCity}: {address}',
      fixZh: '核对企业是否应由注册地所在市推荐，或更正注册地址',
      fixEn: 'Check that the city of registration recommends the enterprise, or correct the address',
    },
    CITY_FOLDER_UNKNOWN: {
      severity: 'warning',
      zh: '市级文件夹名称「{name}」不是浙江省 11 个设区市之一',
      en: 'City folder "{name}" is not one of the 11 cities of Zhejiang',
      fixZh: '将文件夹改名为所在设区市的名称，如「杭州市」',
      fixEn: 'Rename the folder after its city, e.g. 杭州市',
    },
  },
  run({ submission }, report) {
    for (const city of submission.cities) {
      const folderKnown = city.name !== '' && isZhejiangCity(city.name);
      if (city.name !== '' && !folderKnown)
        report('CITY_FOLDER_UNKNOWN', { name: city.name }, { file: city.id || city.name }, { city });
      for (const pack of city.applicants) {
        const cell = pack.a1?.fields.registeredAddress;
        const text = cell?.value?.trim();
        if (!cell || !text) continue; // presence reports the empty field
        const where = locateAddress(text);
        if (!where.inZhejiang) {
          // Only a positive sign of elsewhere rejects; an address too vague to place is a warning.
          if (where.otherProvince)
            report('ADDRESS_OUTSIDE_ZJ', { address: text, province: where.otherProvince }, cell.loc, { applicant: pack });
          else report('ADDRESS_UNRECOGNISED', { address: text }, cell.loc, { applicant: pack });
        } else if (folderKnown && where.city && where.city !== normaliseCityName(city.name)) {
          report(
            'ADDRESS_CITY_MISMATCH',
            { address: text, addressCity: where.city, folderCity: normaliseCityName(city.name) },
            cell.loc,
            { applicant: pack },
          );
        }
      }
    }
  },
});
