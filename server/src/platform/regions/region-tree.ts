/**
 * Pure helpers over the region tree (GB/T 2260 / NBS 统计用区划代码).
 *
 * Codes are kept in the source's variable-length form: province 2 digits,
 * city 4, county/district 6, town/street 9, village/community 12. Each code
 * starts with its parent's code, so `codePrefix` gives a fast ancestor check;
 * `isWithin` walks the parent links and is the authoritative one.
 */

export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export const REGION_LEVELS: readonly RegionLevel[] = [1, 2, 3, 4, 5];

/** Length of a code at each level. */
export const REGION_CODE_LENGTH: Readonly<Record<RegionLevel, number>> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** The minimum a helper needs from a row; `RegionSeedRow` satisfies it. */
export interface RegionNode {
  readonly code: string;
  readonly parentCode: string | null;
  readonly level: RegionLevel;
}

export type RegionLocale = 'zh' | 'en';

const LEVEL_NAMES: Readonly<Record<RegionLocale, Readonly<Record<RegionLevel, string>>>> = {
  zh: { 1: '省', 2: '市', 3: '县区', 4: '乡镇街道', 5: '村社区' },
  en: { 1: 'province', 2: 'city', 3: 'county', 4: 'town', 5: 'village' },
};

export function levelName(level: RegionLevel, locale: RegionLocale = 'zh'): string {
  return LEVEL_NAMES[locale][level];
}

export function isRegionLevel(value: unknown): value is RegionLevel {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/** Level implied by a code's shape (digits only, length 2/4/6/9/12), or undefined if malformed. */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return REGION_LEVELS.find((level) => REGION_CODE_LENGTH[level] === code.length);
}

/**
 * The code of `code`'s ancestor at `level` (or `code` itself when `level` is its own level),
 * derived from the code alone. Undefined if `code` is malformed or `level` is below it.
 * e.g. codePrefix('330523101201', 3) === '330523'.
 */
export function codePrefix(code: string, level: RegionLevel): string | undefined {
  const own = levelOfCode(code);
  if (own === undefined || level > own) return undefined;
  return code.slice(0, REGION_CODE_LENGTH[level]);
}

/**
 * Fast check from the codes alone: is `code` equal to or below `ancestorCode`?
 * Agrees with `isWithin` on the shipped data (tested); does not prove either code exists.
 */
export function isWithinByPrefix(code: string, ancestorCode: string): boolean {
  const ancestorLevel = levelOfCode(ancestorCode);
  if (ancestorLevel === undefined) return false;
  return codePrefix(code, ancestorLevel) === ancestorCode;
}

export function indexByCode<T extends RegionNode>(rows: Iterable<T>): ReadonlyMap<string, T> {
  const byCode = new Map<string, T>();
  for (const row of rows) {
    if (byCode.has(row.code)) throw new Error(`duplicate region code ${row.code}`);
    byCode.set(row.code, row);
  }
  return byCode;
}

/**
 * Ancestors of `code`, root (province) first, excluding the region itself.
 * Throws if `code` or any parent on the way up is unknown, or on a cycle.
 */
export function ancestorsOf<T extends RegionNode>(code: string, byCode: ReadonlyMap<string, T>): T[] {
  const self = byCode.get(code);
  if (!self) throw new Error(`unknown region code ${code}`);
  const chain: T[] = [];
  let parentCode = self.parentCode;
  while (parentCode !== null) {
    const parent = byCode.get(parentCode);
    if (!parent) throw new Error(`region ${code}: ancestor ${parentCode} is missing`);
    if (chain.length >= REGION_LEVELS.length) throw new Error(`region ${code}: parent chain does not end`);
    chain.push(parent);
    parentCode = parent.parentCode;
  }
  return chain.reverse();
}

/**
 * Is `code` equal to `ancestorCode` or below it? Inclusive, so a user scoped to a county
 * can see the county itself. Walks parent links; unknown `code` → false (never throws).
 */
export function isWithin<T extends RegionNode>(
  code: string,
  ancestorCode: string,
  byCode: ReadonlyMap<string, T>,
): boolean {
  let current = byCode.get(code);
  for (let steps = 0; current && steps <= REGION_LEVELS.length; steps++) {
    if (current.code === ancestorCode) return true;
    if (current.parentCode === null) return false;
    current = byCode.get(current.parentCode);
  }
  return false;
}
