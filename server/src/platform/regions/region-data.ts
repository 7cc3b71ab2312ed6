/**
 * Region seed rows, loaded from the generated server/data/regions/zhejiang.json
 * (see server/scripts/build-regions.ts). Read once and cached.
 */
import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { isRegionLevel, type RegionLevel } from './region-tree.ts';

export interface RegionSeedRow {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly level: RegionLevel;
  /** Lower-case pinyin initials of `name`, e.g. 安吉县 → 'ajx'. */
  readonly pinyinInitials: string;
}

export const REGION_DATA_URL = new URL('../../../data/regions/zhejiang.json', import.meta.url);

/**
 * Place-name readings pinyin-pro gets wrong (it uses the everyday reading).
 * Keyed by the word as it appears in a name; value is one initial per character.
 */
const PLACE_NAME_INITIALS: ReadonlyArray<readonly [word: string, initials: string]> = [
  ['乐清', 'yq'], // Yuèqīng, not Lèqīng
  ['乐成', 'yc'], // 乐成街道, the centre of Yueqing
  ['厦', 'x'], // xià in place names (江厦, 崧厦, 厦门), not shà
];

export function pinyinInitials(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
  for (const [word, override] of PLACE_NAME_INITIALS) {
    for (let at = name.indexOf(word); at !== -1; at = name.indexOf(word, at + word.length)) {
      for (let i = 0; i < word.length; i++) initials[at + i] = override[i] ?? initials[at + i] ?? '';
    }
  }
  // Fold full-width letters/digits, drop punctuation such as （）.
  return initials
    .join('')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

type RawRow = [code: string, name: string, parentCode: string | null, level: RegionLevel];

function parseRow(raw: unknown, index: number): RawRow {
  if (
    Array.isArray(raw) &&
    raw.length === 4 &&
    typeof raw[0] === 'string' &&
    typeof raw[1] === 'string' &&
    (raw[2] === null || typeof raw[2] === 'string') &&
    isRegionLevel(raw[3])
  ) {
    return [raw[0], raw[1], raw[2], raw[3]];
  }
  throw new Error(`region data: malformed row ${index}: ${JSON.stringify(raw)}`);
}

export function parseRegionData(json: string): RegionSeedRow[] {
  const data: unknown = JSON.parse(json);
  const regions = (data as { regions?: unknown } | null)?.regions;
  if (!Array.isArray(regions)) throw new Error('region data: missing "regions" array');
  return regions.map((raw, index) => {
    const [code, name, parentCode, level] = parseRow(raw, index);
    return { code, name, parentCode, level, pinyinInitials: pinyinInitials(name) };
  });
}

let cached: readonly RegionSeedRow[] | undefined;

/** All region rows, sorted by code (parents before children). Cached after the first call. */
export function loadRegionSeedRows(): readonly RegionSeedRow[] {
  if (cached) return cached;
  let json: string;
  try {
    json = readFileSync(REGION_DATA_URL, 'utf8');
  } catch (cause) {
    throw new Error(
      `region data not found at ${REGION_DATA_URL.pathname}; run \`npx tsx server/scripts/build-regions.ts\``,
      { cause },
    );
  }
  cached = Object.freeze(parseRegionData(json).map((row) => Object.freeze(row)));
  return cached;
}
