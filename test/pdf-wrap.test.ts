/** Wrapping a finding or a rule for the PDF: nothing lost, nothing wider than the line, breaks where a reader expects them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportFont } from '../src/report/pdf/index.js';
import { measureWith, wrapText, type Measure } from '../src/report/pdf/wrap.js';

let measure: Measure;
beforeAll(async () => {
  measure = measureWith(await loadReportFont());
});

const EN =
  "Horizontal grades: the notice leaves them open; this is the tool's default reading (after Zhejiang's A/B/C/D grading of output per mu, 亩均效益; change it in the rules file zj-2021-batch1.json). Ranked province-wide by N: A top 10% → 100% of the weight, B top 40% → 80% of the weight";
const ZH = '系统清单.xlsx · 系统清单!G4：云上系统「PLM产品生命周期管理系统」（指标「研发」）的登录页截图「截图/研发1-登录页.png」在证明材料中找不到，请补交截图，或改正系统清单中的文件名。';

describe('wrapText', () => {
  it('keeps every character and fits every line, at many widths', () => {
    for (const text of [EN, ZH])
      for (let width = 60; width <= 480; width += 7) {
        const lines = wrapText(text, width, 8, measure);
        expect(lines.join('').replace(/ /g, ''), `${width}`).toBe(text.replace(/ /g, ''));
        for (const l of lines) expect(measure(l, 8), `${width}: ${l}`).toBeLessThanOrEqual(width - 0.5);
      }
  });

  it('starts no line with closing punctuation and splits no English word that a space could carry', () => {
    for (let width = 80; width <= 480; width += 5) {
      for (const l of wrapText(ZH, width, 8, measure).slice(1)) expect('，。、：；）」』'.includes(l[0]!), `${width}: ${l}`).toBe(false);
      const lines = wrapText(EN, width, 8, measure);
      const words = new Set(EN.split(/\s+/));
      // Each line is whole English words of the text (Chinese breaks anywhere; a word longer than half the line aside).
      for (const l of lines) for (const w of l.split(" ")) if (/^[\x21-\x7e]+$/.test(w) && measure(w, 8) < width / 2) expect(words.has(w), `${width}: 「${w}」 in ${l}`).toBe(true);
    }
    // The case that once printed 「weigh」 / 「t,」: the comma held back, the word moved whole.
    expect(wrapText(EN, 481.89 - 16, 8, measure)[2]).toMatch(/^weight, B top 40%/);
  });
});
