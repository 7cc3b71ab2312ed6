import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, unescapeCell } from '../escape-cell.ts';

describe('escapeCell: no formula runs from a cell we write', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613800000000', "'+8613800000000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'],
  ])('prefixes %j with a quote', (input, want) => {
    expect(escapeCell(input)).toBe(want);
  });

  it.each(['王伟', '330523********1234', '', ' =1', "'quoted", '１＋１', 'a=b'])(
    'leaves %j as it is',
    (text) => {
      expect(escapeCell(text)).toBe(text);
    },
  );

  it('never leaves a dangerous first character, and imports read back what was exported', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          // texts that already begin with quotes in front of a dangerous character
          fc.tuple(fc.constantFrom("'", "''", "'=", "''-"), fc.string()).map(([a, b]) => a + b),
        ),
        (s) => {
          const e = escapeCell(s);
          expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(e[0]);
          expect(unescapeCell(e)).toBe(s);
        },
      ),
    );
  });

  it('round-trips text that begins with a quote before a dangerous character ("\'-")', () => {
    expect(escapeCell("'-")).toBe("''-");
    expect(unescapeCell("''-")).toBe("'-");
  });
});
