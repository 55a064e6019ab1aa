import { describe, expect, it } from 'vitest';
import { peopleNumber, peopleNumbers } from '../src/report/peopleNumbers.js';
import { renderMessage } from '../src/report/catalogue.js';

describe('numbers in messages', () => {
  it('rounds half-up to two decimals on the decimal value', () => {
    expect(peopleNumber(0.48828125)).toBe('0.49'); // 500 GB in TB
    expect(peopleNumber(2.835)).toBe('2.84'); // 2.8349999… in binary
    expect(peopleNumber(-5.0987)).toBe('-5.1');
    expect(peopleNumber(0.1 + 0.2)).toBe('0.3');
    expect(peopleNumber(82125)).toBe('82125');
  });

  it('keeps two significant digits of a small value instead of showing 0', () => {
    expect(peopleNumber(0.0048828125)).toBe('0.0049');
  });

  it('shows more decimals when rounding would make two different values of one message read the same', () => {
    const shown = peopleNumbers([3.996, 3.995]);
    expect(shown.get(3.996)).not.toBe(shown.get(3.995));
    expect(renderMessage({ code: 'N_GREATER_THAN_M', severity: 'error', args: { n: 3.996, m: 3.995, indicator: '云存储', indicatorEn: 'Cloud storage' } }, 'zh')).toBe(
      'N（3.996）大于 M（3.995）：云存储',
    );
  });

  it('rounds the args of any message, leaving the finding’s args exact', () => {
    const f = { code: 'VALUE_UNIT_CONVERTED', severity: 'info' as const, args: { field: '云存储 N', raw: '500GB', value: 0.48828125, unit: 'TB' } };
    expect(renderMessage(f, 'zh')).toBe('「云存储 N」填写为「500GB」，已按TB换算为 0.49');
    expect(f.args.value).toBe(0.48828125);
  });
});
