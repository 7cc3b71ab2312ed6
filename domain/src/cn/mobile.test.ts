import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMobile } from './mobile.ts';

const mobileArb = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);

describe('parseMobile', () => {
  it('accepts plain 11-digit numbers for every 13x-19x prefix', () => {
    for (const m of [
      '13800138000',
      '14512345678',
      '15912345678',
      '16612345678',
      '17712345678',
      '18612345678',
      '19912345678',
    ]) {
      expect(parseMobile(m)).toEqual({ ok: true, value: m });
    }
  });

  it('strips whitespace, dashes and a +86 or 86 prefix', () => {
    for (const input of [
      ' 13800138000 ',
      '138 0013 8000',
      '138-0013-8000',
      '+8613800138000',
      '+86 138 0013 8000',
      '+86-138-0013-8000',
      '8613800138000',
      '86 13800138000',
      '\u3000138\u30000013\u30008000',
    ]) {
      expect(parseMobile(input)).toEqual({ ok: true, value: '13800138000' });
    }
  });

  it('gives distinct errors', () => {
    expect(parseMobile(13800138000)).toEqual({ ok: false, error: 'mobile number must be a string' });
    expect(parseMobile(' - ')).toEqual({ ok: false, error: 'mobile number is empty' });
    expect(parseMobile('138.0013.8000')).toEqual({
      ok: false,
      error: 'mobile number may only contain digits, spaces, dashes and a +86 prefix',
    });
    expect(parseMobile('+85213800138000')).toEqual({
      ok: false,
      error: 'mobile number may only contain digits, spaces, dashes and a +86 prefix',
    });
    expect(parseMobile('1380013800')).toEqual({
      ok: false,
      error: 'mobile number must have 11 digits, got 10',
    });
    expect(parseMobile('+86138001380001')).toEqual({
      ok: false,
      error: 'mobile number must have 11 digits, got 12',
    });
    expect(parseMobile('12800138000')).toEqual({
      ok: false,
      error: 'mobile number must start with 13 to 19',
    });
    expect(parseMobile('02161234567')).toEqual({
      ok: false,
      error: 'mobile number must start with 13 to 19',
    });
  });

  it('round-trips: any formatting of a valid number parses back to the same 11 digits', () => {
    fc.assert(
      fc.property(
        mobileArb,
        fc.constantFrom('', '+86', '86', '+86 ', '86-'),
        fc.constantFrom('', ' ', '-'),
        (mobile, prefix, sep) => {
          const formatted = `${prefix}${mobile.slice(0, 3)}${sep}${mobile.slice(3, 7)}${sep}${mobile.slice(7)}`;
          expect(parseMobile(formatted)).toEqual({ ok: true, value: mobile });
        },
      ),
    );
  });

  it('rejects numbers whose second digit is 0, 1 or 2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        expect(parseMobile(`1${second}${rest}`).ok).toBe(false);
      }),
    );
  });
});
