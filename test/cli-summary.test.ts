/**
 * The console summary after `score`: the status and severity words of the one table, cities in the
 * official order, and the warnings a 初选名单 needs (problems left among the selected, a tie at the cut).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { printSummary } from '../src/cli/summary.js';
import { WORDS, word } from '../src/report/words.js';
import { CITY_NAMES } from '../src/data/zhejiang.js';
import { evaluate } from '../src/evaluate.js';
import type { Result } from '../src/model/result.js';
import { sampleResult, withSelection } from './result-sample.js';
import { city, defaultRules, pack, submission } from './score-helpers.js';

function summary(result: Result, lang: 'zh' | 'en'): string {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      done();
    },
  });
  printSummary(result, lang, ['out/results.json'], out as unknown as NodeJS.WriteStream);
  return text;
}

describe('console summary', () => {
  it('counts statuses and severities in the words of the one table, in both languages', () => {
    const result = sampleResult();
    const s = result.summary;
    const zh = summary(result, 'zh');
    expect(zh.split('\n')[0]).toBe(
      `共 ${s.applicants} 家企业：${word('qualified', 'zh')} ${s.qualified}，${word('flagged', 'zh')} ${s.flagged}，${word('rejected', 'zh')} ${s.rejected}；问题 ${s.errors} 个${word('error', 'zh')}、${s.warnings} 个${word('warning', 'zh')}。`,
    );
    expect(zh).toContain(word('pendingExpert', 'zh'));
    // No status word that is not the table's: the old names are gone.
    for (const old of ['有问题待核', '需核实', '不予评审']) expect(zh).not.toContain(old);
    const en = summary(result, 'en');
    expect(en.split('\n')[0]).toContain(`${s.flagged} ${WORDS.en.flagged}`);
    expect(en.split('\n')[0]).toContain(`${s.rejected} ${WORDS.en.rejected}`);
  });

  it('lists the cities in the official order', () => {
    const cities = [...CITY_NAMES].reverse().map((c) => city(c, [pack({ city: c, folder: `${c}企业` })]));
    const text = summary(evaluate(submission(cities), defaultRules(), { checks: [] }), 'zh');
    const lines = text.split('\n').filter((l) => /^ {2}\S+市\s+\d+ 家/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0]!.replace(/\u3000/g, ''))).toEqual([...CITY_NAMES]);
  });

  it('warns about selected applicants with unresolved problems and about a tie at the cut', () => {
    const result = withSelection(sampleResult(), 6);
    const a = result.applicants.find((x) => x.provinceRank === 6)!;
    const b = result.applicants.find((x) => x.provinceRank === 7)!;
    result.selection!.tie = { total: a.total, decidedBy: 'name', selected: [a.id], notSelected: [b.id] };
    const text = summary(result, 'zh');
    expect(text).toContain('初选名单：总分前 6 名，入选 6 家');
    expect(text).toContain(`注意：初选名单中 1 家企业有未解决的错误或警告：${a.name}`);
    expect(text).toContain(`注意：第 6 名处同分（${a.total.toFixed(2)}）：入选 ${a.name}；未入选 ${b.name}；各项得分均相同，仅按企业名称拼音顺序区分，须人工确定`);
    expect(summary(result, 'en')).toContain(`Note: Tie at place 6 (${a.total.toFixed(2)}): in ${a.name}; out ${b.name}; every score equal, separated by name order only: to be decided by a person`);
  });
});
