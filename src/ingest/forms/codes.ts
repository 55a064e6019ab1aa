import type { CodeTable } from '../../findings/finding.js';

/**
 * Codes reported while reading the forms (A1, A2, A3, 系统清单, 产品清单). Only what reading itself
 * can tell: a value that is not a number, a label or row that is not there. Whether a value is
 * required, in range or consistent is decided by the value checks on the records.
 */
export const formCodes = {
  VALUE_NOT_NUMBER: {
    severity: 'error',
    zh: '「{field}」应为数字（单位：{unit}），但填写的是「{raw}」',
    en: '"{field}" should be a number (unit: {unit}) but reads "{raw}"',
    fixZh: '请只填写数字，如 12.5；单位为{unit}，不要填写文字或百分比。',
    fixEn: 'Type a number only, e.g. 12.5, in {unit}; no words or percentages.',
  },
  VALUE_UNKNOWN_UNIT: {
    severity: 'error',
    zh: '「{field}」填写的「{raw}」带有无法识别的单位，应为{unit}（可识别：{units}）',
    en: '"{field}" reads "{raw}" with a unit that cannot be converted to {unit} (known: {units})',
    fixZh: '请按{unit}换算后只填写数字。',
    fixEn: 'Convert the value to {unit} and type the number only.',
  },
  VALUE_UNIT_CONVERTED: {
    severity: 'info',
    zh: '「{field}」填写为「{raw}」，已按{unit}换算为 {value}',
    en: '"{field}" reads "{raw}", converted to {value} {unit}',
    fixZh: '如换算无误无需处理；建议直接按{unit}填写数字。',
    fixEn: 'Nothing to do if the conversion is right; better type the number in {unit}.',
  },
  VALUE_READ_AS_ZERO: {
    severity: 'info',
    zh: '「{field}」填写为「{raw}」，按 0 处理',
    en: '"{field}" reads "{raw}", taken as 0',
    fixZh: '如确实为零请填写 0。',
    fixEn: 'If it really is zero, type 0.',
  },
  VALUE_NORMALISED: {
    severity: 'info',
    zh: '「{field}」填写为「{raw}」（全角数字或千分位），按 {value} 读取',
    en: '"{field}" reads "{raw}" (full-width digits or thousands separators), read as {value}',
    fixZh: '无需处理；建议使用半角数字、不加千分位。',
    fixEn: 'Nothing to do; better type half-width digits without separators.',
  },
  VALUE_CELL_ERROR: {
    severity: 'error',
    zh: '「{field}」单元格显示错误值 {error}，无法读取',
    en: '"{field}" shows the error value {error} and cannot be read',
    fixZh: '请修正该单元格的公式，或直接填写数值。',
    fixEn: 'Fix the formula in the cell or type the value.',
  },
  VALUE_FORMULA_NO_RESULT: {
    severity: 'warning',
    zh: '「{field}」是公式且文件中没有保存计算结果，按空值处理',
    en: '"{field}" holds a formula whose result was not saved in the file; read as empty',
    fixZh: '请在 Excel 或 WPS 中打开并重新保存该文件，或直接填写数值。',
    fixEn: 'Open and save the file again in Excel or WPS, or type the value.',
  },
  VALUE_NOT_YES_NO: {
    severity: 'error',
    zh: '「{field}」应填写「是」或「否」，但填写的是「{raw}」',
    en: '"{field}" should be 是 (yes) or 否 (no) but reads "{raw}"',
    fixZh: '请从下拉列表中选择「是」或「否」。',
    fixEn: 'Choose 是 or 否 from the drop-down list.',
  },
  VALUE_PERIOD_UNREADABLE: {
    severity: 'warning',
    zh: '「{field}」填写的「{raw}」中找不到起止日期',
    en: '"{field}" reads "{raw}": no start and end dates found',
    fixZh: '请按「2020.1.1-2020.12.31」的格式填写起止日期。',
    fixEn: 'Write the period as 2020.1.1-2020.12.31.',
  },
  FORM_FIELD_LABEL_MISSING: {
    severity: 'error',
    zh: '{form}中找不到「{label}」一栏',
    en: '{form}: the field "{label}" is not on the form',
    fixZh: '请使用官方模板填写（可用 yunshang template 生成），不要删除或改写栏目名称。',
    fixEn: 'Use the official form (yunshang template writes it); do not delete or rename its fields.',
  },
  A2_INDICATOR_ROW_MISSING: {
    severity: 'error',
    zh: '{form}中找不到指标「{indicator}」所在的行',
    en: '{form}: no row for the indicator "{indicator}"',
    fixZh: '请使用官方模板填写，不要删除或改写指标名称。',
    fixEn: 'Use the official form; do not delete or rename indicator rows.',
  },
  A2_VALUE_CELL_MISSING: {
    severity: 'error',
    zh: '{form}中指标「{indicator}」找不到「{what}」的填写位置',
    en: '{form}: indicator "{indicator}" has no cell for "{what}"',
    fixZh: '请使用官方模板填写，保留「N：」「M：」等栏目文字。',
    fixEn: 'Use the official form and keep its "N:" / "M:" labels.',
  },
  FORM_HEADER_MISSING: {
    severity: 'error',
    zh: '{form}中找不到表头行（应含「{columns}」等列）',
    en: '{form}: no header row found (expected columns such as {columns})',
    fixZh: '请使用官方模板填写，保留表头行。',
    fixEn: 'Use the official form and keep its header row.',
  },
  FORM_COLUMN_MISSING: {
    severity: 'error',
    zh: '{form}的表头中缺少「{column}」列',
    en: '{form}: the header has no column "{column}"',
    fixZh: '请按官方模板补上该列。',
    fixEn: 'Add the column as in the official form.',
  },
  FORM_DUPLICATE_SHEET: {
    severity: 'warning',
    zh: '同一工作簿中有两张{form}，只读取了第一张（工作表「{first}」）',
    en: 'The workbook holds {form} twice; only the first (sheet "{first}") was read',
    fixZh: '请删除多余的工作表，每个企业只保留一份。',
    fixEn: 'Delete the extra sheet; keep one per applicant.',
  },
  FORM_UNREADABLE: {
    severity: 'error',
    zh: '{form}无法读取：{reason}',
    en: '{form} cannot be read: {reason}',
    fixZh: '请使用官方模板重新填写并保存为 .xlsx。',
    fixEn: 'Fill the official form again and save it as .xlsx.',
  },
  UNKNOWN_SYSTEM_INDICATOR: {
    severity: 'warning',
    zh: '系统清单中的指标「{name}」无法识别（应为：{known}），该行不计入任何指标',
    en: 'System list: indicator "{name}" is not known (expected one of {known}); the row counts for none',
    fixZh: '请从下拉列表中选择指标名称。',
    fixEn: 'Choose the indicator from the drop-down list.',
  },
} as const satisfies CodeTable;

export type FormCode = keyof typeof formCodes;
