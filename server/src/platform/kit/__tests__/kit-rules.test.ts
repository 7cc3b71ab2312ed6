import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../dates.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { subtreeEnd } from '../scope.ts';
import { escapeLike, requiredText } from '../text.ts';

describe('the kit’s rules', () => {
  it('bounds a region subtree by the next code of the same length', () => {
    expect(subtreeEnd('330523')).toBe('330524');
    expect(subtreeEnd('330529')).toBe('33053');
    expect(subtreeEnd('33')).toBe('34');
    expect(subtreeEnd('99')).toBeNull();
    // every code of the subtree lies in [root, end), and the neighbours outside it do not
    const inside = ['330523', '330523001', '330523999999'];
    const outside = ['330522999', '330524', '33052', '3306'];
    const end = subtreeEnd('330523') as string;
    for (const c of inside) expect(c >= '330523' && c < end).toBe(true);
    for (const c of outside) expect(c >= '330523' && c < end).toBe(false);
  });

  it('escapes LIKE’s wildcards and trims required text, naming the field', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(requiredText('name', '  桥  ')).toBe('桥');
    expect(() => requiredText('name', '   ')).toThrow(/name/);
    expect(() => requiredText('room', '1234567', 5)).toThrow(/5/);
  });

  it('tells a unique violation of a named constraint from other errors', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'renewal_tasks_wbs_key' }, 'wbs')).toBe(true);
    expect(isUniqueViolation({ code: '23505', constraint: 'other_key' }, 'wbs')).toBe(false);
    expect(isUniqueViolation({ code: '23505' }, 'wbs')).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
  });

  it('reads Asia/Shanghai days from one offset', () => {
    expect(shanghaiInstant('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(shanghaiInstant('2026-03-02', '09:30').toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });
});
