import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../app.ts';
import { type Db, defineModule } from '../../../platform/kit/index.ts';
import { openTestDatabase, TEST_BACKENDS } from '../../../test/harness.ts';
import { modules } from '../../index.ts';
import { facilitiesModule } from '../manifest.ts';

/**
 * A database made when facilities were a part of renewal (their migration recorded in
 * `migrations_renewal`) is migrated by this version: the facility data stays, the facilities
 * migration is not run again, renewal's remaining history still validates, and the grants
 * that covered renewal now cover facilities.
 */

const renewal = modules.find((m) => m.id === 'renewal')!;
const FACILITIES_0006 = '0006-facilities';
/** The renewal module as it was: its migrations with the facilities one among them. */
const oldRenewal = defineModule({
  ...renewal,
  migrations: { ...renewal.migrations, [FACILITIES_0006]: facilitiesModule.migrations![FACILITIES_0006]! },
});

const history = async (db: Db, module: string) =>
  (
    await sql<{ name: string; timestamp: string }>`
      select name, timestamp from ${sql.table(`migrations_${module}`)} order by name`.execute(db)
  ).rows;

for (const kind of TEST_BACKENDS) {
  describe(`facilities adopt their history from renewal [${kind}]`, () => {
    it('keeps the data of a database migrated before the move and runs nothing twice', async () => {
      const { database, dispose } = await openTestDatabase(kind);
      try {
        const db = database.db;
        await migrate(database, [oldRenewal]);
        const before = await history(db, 'renewal');
        expect(before.map((r) => r.name)).toContain(FACILITIES_0006);
        await sql`insert into renewal_sewage_facilities
            (name, village_code, capacity_tenths, kind, year, investment_fen, discharge_grade, status)
          values ('黄杜村污水处理终端', '330523201202', 500, 'built', 2023, 38000000000, 1, 'operating')`.execute(
          db,
        );
        const user = async (username: string, programmes: string[]) => {
          const { rows } = await sql<{ id: string }>`insert into users (username, display_name, password_hash)
              values (${username}, ${username}, 'x') returning id`.execute(db);
          await sql`insert into user_grants (user_id, role, region_code, programmes)
              values (${rows[0]!.id}, 'staff', '330523', ${programmes})`.execute(db);
        };
        await user('anji', ['renewal']);
        await user('tiantai', ['cadres', 'renewal']);
        await user('zhuji', ['employment']);
        await user('everything', []);

        const lines: string[] = [];
        await migrate(database, modules, (l) => lines.push(l));
        // only the new grants migration ran; the facility tables were not made again
        expect(lines).toEqual(['facilities: 0007-renewal-grants applied']);
        const adopted = await history(db, 'facilities');
        expect(adopted.map((r) => r.name)).toEqual([FACILITIES_0006, '0007-renewal-grants']);
        expect(adopted[0]!.timestamp).toBe(before.find((r) => r.name === FACILITIES_0006)!.timestamp);
        expect((await history(db, 'renewal')).map((r) => r.name)).toEqual(
          before.map((r) => r.name).filter((n) => n !== FACILITIES_0006),
        );
        const { rows: facilities } = await sql<{ name: string }>`
          select name from renewal_sewage_facilities`.execute(db);
        expect(facilities.map((f) => f.name)).toEqual(['黄杜村污水处理终端']);
        // the bureau that ran renewal's facilities keeps them
        const { rows: grants } = await sql<{ username: string; programmes: string[] }>`
          select u.username, g.programmes from user_grants g join users u on u.id = g.user_id
          order by u.username`.execute(db);
        expect(grants).toEqual([
          { username: 'anji', programmes: ['renewal', 'facilities'] },
          { username: 'everything', programmes: [] },
          { username: 'tiantai', programmes: ['cadres', 'renewal', 'facilities'] },
          { username: 'zhuji', programmes: ['employment'] },
        ]);

        // once adopted, migrating again finds nothing to do
        const again: string[] = [];
        await migrate(database, modules, (l) => again.push(l));
        expect(again).toEqual([]);
      } finally {
        await dispose();
      }
    });
  });
}
