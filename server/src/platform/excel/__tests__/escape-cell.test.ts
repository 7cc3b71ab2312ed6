import { describe, expect, it } from 'vitest';
import { needsQuotePrefix, unescapeCell } from '../escape-cell.ts';

describe('needsQuotePrefix: which text cells we write are marked as typed text', () => {
  it.each([
    '=1+1',
    '+8613800000000',
    '-2',
    '@SUM(A1)',
    '\t=cmd',
    '\r=cmd',
    '=HYPERLINK("http://x","点我")',
    "'=1",
    "''-",
  ])('marks %j', (input) => {
    expect(needsQuotePrefix(input)).toBe(true);
  });

  it.each(['王伟', '330523********1234', '', ' =1', "'quoted", '１＋１', 'a=b'])(
    'leaves %j plain',
    (text) => {
      expect(needsQuotePrefix(text)).toBe(false);
    },
  );
});

describe('unescapeCell: files our exports wrote with a typed apostrophe still import as typed', () => {
  it.each([
    ["'=1+1", '=1+1'],
    ["'-2", '-2'],
    ["''-", "'-"],
    ["'quoted", "'quoted"],
    ['=1+1', '=1+1'],
    ['王伟', '王伟'],
  ])('reads %j as %j', (stored, typed) => {
    expect(unescapeCell(stored)).toBe(typed);
  });
});
