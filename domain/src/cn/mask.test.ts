import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCitizenId, maskMobile, maskName } from './mask.ts';

describe('maskCitizenId', () => {
  it('keeps the first 6 and last 4 characters of an 18-character ID', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105********002X');
  });

  it('never reveals the birth date and keeps the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskCitizenId(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
      }),
    );
  });

  it('masks short or odd input completely without throwing', () => {
    expect(maskCitizenId('')).toBe('');
    expect(maskCitizenId(null)).toBe('');
    expect(maskCitizenId(undefined)).toBe('');
    expect(maskCitizenId('1234567890')).toBe('**********');
    expect(maskCitizenId('12345678901')).toBe('123456*8901');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('normalises formatted numbers first', () => {
    expect(maskMobile('+86 138-1234-1234')).toBe('138****1234');
  });

  it('never reveals digits 4-7', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        expect(maskMobile(m)).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
      }),
    );
  });

  it('masks short or odd input completely without throwing', () => {
    expect(maskMobile('')).toBe('');
    expect(maskMobile(null)).toBe('');
    expect(maskMobile('1234567')).toBe('*******');
    expect(maskMobile('12345678')).toBe('123*5678');
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('  李四  ')).toBe('李*');
  });

  it('counts characters outside the BMP as one character', () => {
    expect(maskName('𠮷一')).toBe('𠮷*');
  });

  it('fully masks one-character and empty names', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
  });

  it('reveals at most the first character and keeps the character count', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', minLength: 2 }).map((s) => s.trim()),
        (name) => {
          const masked = maskName(name);
          const chars = Array.from(name);
          if (chars.length < 2) return;
          expect(masked).toBe(chars[0] + '*'.repeat(chars.length - 1));
        },
      ),
    );
  });
});
