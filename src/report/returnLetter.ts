/**
 * 退回意见: the letter a city bureau sends back to one enterprise with its marked forms. Plain text
 * (UTF-8 with a byte-order mark and Windows line ends, so Notepad and WPS on a Chinese Windows open
 * it as it is), addressed to the enterprise by name, one numbered problem per finding with the file,
 * the cell and what to do, ending 「请修改后重新报送」.
 */
import type { Finding } from '../findings/finding.js';
import { renderFix, renderMessage } from './catalogue.js';
import { word } from './words.js';
import { placeInFile } from './issueSheet.js';

export const RETURN_LETTER_NAME = '退回意见.txt';

export interface ReturnLetter {
  enterprise: string;
  /** The city whose bureau sends it ('' when not known). */
  city: string;
  /** Each finding with its file relative to the enterprise folder ('' for the pack as a whole). */
  problems: { finding: Finding; file: string; marked: boolean }[];
  /** Whether the findings that have no cell are listed on a 问题汇总 sheet, and in which file. */
  issueSheetIn?: string;
}

export function returnLetterText(l: ReturnLetter): string {
  const bureau = l.city ? `${l.city}经济和信息化局` : '';
  const lines: string[] = [];
  lines.push('退回意见', '', `${l.enterprise}：`, '');
  lines.push(
    `贵单位报送的浙江省制造业「云上企业」申报材料，经${bureau || '审核部门'}审核，发现以下 ${l.problems.length} 个问题需要修改或核实：`,
    '',
  );
  l.problems.forEach(({ finding: f, file, marked }, i) => {
    lines.push(`${i + 1}. 【${word(f.severity, 'zh')}】${renderMessage(f, 'zh')}`);
    const place = placeInFile(f);
    const where = file ? [file, place].filter(Boolean).join('，') : '整份申报材料';
    lines.push(`   位置：${where}${marked ? '（已在表中标出）' : ''}`);
    const fix = renderFix(f, 'zh');
    if (fix) lines.push(`   修改：${fix}`);
    lines.push(`   （问题代码 ${f.code}）`, '');
  });
  // Only .xlsx copies are marked: forms sent as .xls, HTML or Word have their problems listed only.
  const notes = l.problems.some((p) => p.marked) ? ['随本意见退回的表格中，有问题的单元格已用颜色标出（红色为错误，黄色为警告），鼠标移到单元格上可看到说明。'] : [];
  if (l.issueSheetIn) notes.push(`全部问题另列在「${l.issueSheetIn}」的「问题汇总」工作表中。`);
  lines.push(notes.join(''), '', '请修改后重新报送。', '');
  if (bureau) lines.push(bureau, '');
  return '\uFEFF' + lines.join('\r\n');
}
