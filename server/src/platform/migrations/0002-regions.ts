import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/schema.ts';
import { loadRegionSeedRows } from '../regions/region-data.ts';

/** Loads the generated GB/T 2260 + NBS division data (server/data/regions) into `regions`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = loadRegionSeedRows();
  const typed = db as unknown as Kysely<PlatformTables>;
  for (let i = 0; i < rows.length; i += 1000) {
    await typed
      .insertInto('regions')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          code: r.code,
          name: r.name,
          parent_code: r.parentCode,
          level: r.level,
          pinyin: r.pinyinInitials,
        })),
      )
      .execute();
  }
}
