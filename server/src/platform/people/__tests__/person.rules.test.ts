import { ageOn, citizenIdCheckChar, parseCitizenId } from '@gongfu/domain/cn/citizen-id';
import { parseMobile } from '@gongfu/domain/cn/mobile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdText, mobileText } from '../person.errors.ts';
import { latestBirthDateForAge } from '../person.service.ts';

const TODAY = '2026-03-02';
const failure = (r: { ok: boolean; error?: string }) => {
  if (r.ok || r.error === undefined) throw new Error('expected a parse failure');
  return r.error;
};
const withCheck = (first17: string) => first17 + citizenIdCheckChar(first17);

describe('bilingual messages for the domain parsers', () => {
  const ids: Array<[unknown, string]> = [
    [12345, '应为文本'],
    ['  ', '请填写身份证号码'],
    ['3305231990', '应为 18 位，当前为 10 位'],
    ['33052319900101A123', '前 17 位应全部为数字'],
    ['33052319900101123Z', '最后一位应为数字或 X'],
    [`${'33052319900101123'}${citizenIdCheckChar('33052319900101123') === '1' ? '2' : '1'}`, '校验位错误'],
    [withCheck('99052319900101123'), '前两位「99」不是有效的省级行政区划代码'],
    [withCheck('33052319990229123'), '出生日期 1999-02-29 不存在'],
    [withCheck('33052317990101123'), '出生日期 1799-01-01 早于 1800-01-01'],
    [withCheck('33052320300101123'), '出生日期 2030-01-01 晚于今天'],
  ];
  it.each(ids)('citizen ID %s → %s', (input, zh) => {
    const text = citizenIdText(failure(parseCitizenId(input, TODAY)));
    expect(text.zh).toContain(zh);
    expect(text.zh).not.toMatch(/[a-z]{3}/i);
    expect(text.en.length).toBeGreaterThan(10);
  });

  const mobiles: Array<[unknown, string]> = [
    [null, '应为文本'],
    ['', '请填写手机号码'],
    ['138abc12345', '只能包含数字'],
    ['1380013', '应为 11 位数字，当前为 7 位'],
    ['12800131234', '应以 13–19 开头'],
  ];
  it.each(mobiles)('mobile %s → %s', (input, zh) => {
    const text = mobileText(failure(parseMobile(input)));
    expect(text.zh).toContain(zh);
    expect(text.zh).not.toMatch(/[a-z]{3}/i);
  });

  it('falls back to a prefixed message for a reason it does not know', () => {
    expect(citizenIdText('something new')).toEqual({
      zh: '身份证号码无效：something new',
      en: 'Invalid citizen ID: something new',
    });
  });
});

describe('age bounds for the list filter', () => {
  const isoDate = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('agrees with ageOn: born on or before the bound ⇔ at least that old', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 120 }), (a, b, years) => {
        const [birth, today] = a <= b ? [a, b] : [b, a];
        const bound = latestBirthDateForAge(today, years);
        expect(birth <= bound).toBe(ageOn(birth, today) >= years);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles 29 February in a common year', () => {
    expect(latestBirthDateForAge('2028-02-29', 1)).toBe('2027-02-28');
    expect(latestBirthDateForAge('2028-02-29', 4)).toBe('2024-02-29');
  });
});
