import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { duplicatesCheck } from '../src/validate/checks/values/duplicates.js';
import { a1CellOf, city, contextOf, pack, submission } from './checks-values-helpers.js';

describe('duplicates', () => {
  it('finds nothing when every enterprise applies once', async () => {
    const sub = submission([city('杭州市', [pack(), pack({ a1: { enterpriseName: '杭州另一家有限公司' } })])]);
    expect(runCheck(duplicatesCheck, await contextOf(sub))).toEqual([]);
  });

  it('reports every copy of an enterprise sent by two cities, naming the other', async () => {
    const hz = pack({ city: '杭州市', a1: { enterpriseName: '浙江某某（集团）有限公司' } });
    const nb = pack({ city: '宁波市', a1: { enterpriseName: '浙江某某(集团)有限公司 ' } });
    const findings = runCheck(duplicatesCheck, await contextOf(submission([city('杭州市', [hz]), city('宁波市', [nb])])));
    expect(findings.map((f) => [f.code, f.severity, f.applicant, f.args.others, f.location?.cell])).toEqual([
      ['DUPLICATE_ENTERPRISE', 'error', hz.id, nb.id, a1CellOf('enterpriseName')],
      ['DUPLICATE_ENTERPRISE', 'error', nb.id, hz.id, a1CellOf('enterpriseName')],
    ]);
  });

  it('reports the same credit code under different names, in one city', async () => {
    const a = pack({ folder: 'a', a1: { enterpriseName: '杭州甲有限公司', creditCode: '91330100MA2XXXXX1A' } });
    const b = pack({ folder: 'b', a1: { enterpriseName: '杭州甲科技有限公司', creditCode: '91330100ma2xxxxx1a' } });
    const c = pack({ folder: 'c', a1: { enterpriseName: '杭州甲科技有限公司' } });
    const findings = runCheck(duplicatesCheck, await contextOf(submission([city('杭州市', [a, b, c])])));
    // a and b share a code, b and c a name: one enterprise, three copies.
    expect(findings.map((f) => [f.applicant, f.args.others])).toEqual([
      ['杭州市/a', '杭州市/b、杭州市/c'],
      ['杭州市/b', '杭州市/a、杭州市/c'],
      ['杭州市/c', '杭州市/a、杭州市/b'],
    ]);
  });

  it('does not link packs that have no name or code', async () => {
    const sub = submission([city('杭州市', [pack({ folder: 'x', noA1: true }), pack({ folder: 'y', noA1: true })])]);
    expect(runCheck(duplicatesCheck, await contextOf(sub))).toEqual([]);
  });
});
