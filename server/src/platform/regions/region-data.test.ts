import { describe, expect, it } from 'vitest';
import { loadRegionSeedRows, pinyinInitials, type RegionSeedRow } from './region-data.ts';
import {
  ancestorsOf,
  codePrefix,
  indexByCode,
  isWithin,
  isWithinByPrefix,
  levelName,
  levelOfCode,
  REGION_CODE_LENGTH,
  REGION_LEVELS,
} from './region-tree.ts';

const rows = loadRegionSeedRows();
const byCode = indexByCode(rows);

function get(code: string): RegionSeedRow {
  const row = byCode.get(code);
  if (!row) throw new Error(`missing ${code}`);
  return row;
}
const childrenOf = (code: string) => rows.filter((r) => r.parentCode === code);
const countAt = (level: number, prefix = '') =>
  rows.filter((r) => r.level === level && r.code.startsWith(prefix)).length;

describe('region data', () => {
  it('has plausible counts', () => {
    expect(countAt(1)).toBe(31);
    expect(countAt(2)).toBe(11);
    expect(countAt(2, '33')).toBe(11);
    expect(countAt(3)).toBe(90);
    expect(countAt(4)).toBeGreaterThan(1300);
    expect(countAt(4)).toBeLessThan(1500);
    expect(countAt(5)).toBeGreaterThan(4000);
    expect(rows.filter((r) => r.level > 1 && !r.code.startsWith('33'))).toEqual([]);
  });

  it('has 安吉县 with towns and villages under them', () => {
    const anji = get('330523');
    expect(anji).toMatchObject({ name: '安吉县', parentCode: '3305', level: 3, pinyinInitials: 'ajx' });
    expect(get('3305').name).toBe('湖州市');
    const towns = childrenOf('330523');
    expect(towns.length).toBeGreaterThan(10);
    for (const town of towns) {
      expect(town.level).toBe(4);
      expect(childrenOf(town.code).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['330681', '诸暨市'],
    ['331023', '天台县'],
    ['330702', '婺城区'],
    ['330703', '金东区'],
    ['330782', '义乌市'],
  ])('has villages for %s %s', (code, name) => {
    expect(get(code).name).toBe(name);
    expect(countAt(5, code)).toBeGreaterThan(100);
  });

  it('has 金华市 3307 with its 9 counties, all with villages', () => {
    expect(get('3307').name).toBe('金华市');
    const counties = childrenOf('3307');
    expect(counties).toHaveLength(9);
    for (const county of counties) expect(countAt(5, county.code)).toBeGreaterThan(0);
  });

  it('only has villages for the chosen counties', () => {
    const villageCounties = new Set(rows.filter((r) => r.level === 5).map((r) => r.code.slice(0, 6)));
    for (const county of villageCounties) {
      expect(['330523', '330681', '331023'].includes(county) || county.startsWith('3307')).toBe(true);
    }
  });

  it('has no duplicate codes and is sorted by code', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const codes = rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('resolves every parent, one level up; only provinces are roots', () => {
    for (const row of rows) {
      expect(row.code).toMatch(/^\d+$/);
      expect(row.code.length).toBe(REGION_CODE_LENGTH[row.level]);
      if (row.parentCode === null) {
        expect(row.level).toBe(1);
        continue;
      }
      const parent = byCode.get(row.parentCode);
      expect(parent, `parent of ${row.code}`).toBeDefined();
      expect(parent?.level).toBe(row.level - 1);
    }
  });

  it('computes pinyin initials', () => {
    expect(pinyinInitials('安吉县')).toBe('ajx');
    expect(pinyinInitials('乐清市')).toBe('yqs');
    expect(pinyinInitials('江厦街道')).toBe('jxjd');
    expect(pinyinInitials('长兴县')).toBe('cxx');
    expect(pinyinInitials('（新）ＡＢ村1')).toBe('xabc1');
    for (const row of rows) expect(row.pinyinInitials).toMatch(/^[a-z0-9]+$/);
  });

  it('caches the rows', () => {
    expect(loadRegionSeedRows()).toBe(rows);
  });
});

describe('region tree', () => {
  it('lists ancestors root first', () => {
    const village = rows.find((r) => r.level === 5 && r.code.startsWith('330523'));
    if (!village) throw new Error('no village in 安吉县');
    expect(ancestorsOf(village.code, byCode).map((r) => r.code)).toEqual([
      '33',
      '3305',
      '330523',
      village.code.slice(0, 9),
    ]);
    expect(ancestorsOf('33', byCode)).toEqual([]);
    expect(() => ancestorsOf('99', byCode)).toThrow(/unknown region/);
  });

  it('isWithin is inclusive and walks parents', () => {
    expect(isWithin('330523', '330523', byCode)).toBe(true);
    expect(isWithin('330523', '3305', byCode)).toBe(true);
    expect(isWithin('330523', '33', byCode)).toBe(true);
    expect(isWithin('3305', '330523', byCode)).toBe(false);
    expect(isWithin('330523', '3307', byCode)).toBe(false);
    expect(isWithin('999999', '33', byCode)).toBe(false);
  });

  it('codePrefix and levelOfCode follow the code shape', () => {
    expect(codePrefix('330523101201', 3)).toBe('330523');
    expect(codePrefix('330523', 3)).toBe('330523');
    expect(codePrefix('330523', 4)).toBeUndefined();
    expect(levelOfCode('330523101')).toBe(4);
    expect(levelOfCode('33052')).toBeUndefined();
    expect(levelOfCode('33a5')).toBeUndefined();
    expect(isWithinByPrefix('330523101', '3305')).toBe(true);
    expect(isWithinByPrefix('330523101', '330')).toBe(false);
  });

  it('prefix check agrees with the parent walk on the data', () => {
    for (const row of rows) {
      const parent = row.parentCode === null ? undefined : get(row.parentCode);
      if (parent) expect(codePrefix(row.code, parent.level)).toBe(parent.code);
    }
    // Every row against every region down to county level, and everything in 安吉县 against itself.
    const upper = rows.filter((r) => r.level <= 3);
    const anji = rows.filter((r) => r.code.startsWith('330523'));
    const pairs: Array<[string, string]> = [];
    for (const row of rows) for (const a of upper) pairs.push([row.code, a.code]);
    for (const row of anji) for (const a of anji) pairs.push([row.code, a.code]);
    let disagreements = 0;
    let within = 0;
    for (const [code, ancestor] of pairs) {
      const walked = isWithin(code, ancestor, byCode);
      if (walked) within++;
      if (walked !== isWithinByPrefix(code, ancestor)) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(within).toBeGreaterThan(rows.length);
  });

  it('names levels', () => {
    expect(REGION_LEVELS.map((l) => levelName(l, 'zh'))).toEqual(['省', '市', '县区', '乡镇街道', '村社区']);
    expect(levelName(5, 'en')).toBe('village');
    expect(levelName(3)).toBe('县区');
  });
});
