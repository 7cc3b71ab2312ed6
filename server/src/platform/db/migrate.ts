import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';

export type MigrationSet = Record<string, Migration>;

export interface ModuleMigrations {
  moduleId: string;
  migrations: MigrationSet;
  /** Migrations this module took over from another (see `ModuleManifest.adoptsMigrations`). */
  adopts?: AdoptedMigrations | undefined;
}

/** Migrations a module took over from the module that ran them before: their names there. */
export interface AdoptedMigrations {
  from: string;
  names: string[];
}

const historyTable = (moduleId: string) => `migrations_${moduleId.replace(/[^a-z0-9_]/g, '_')}`;

/**
 * Moves the history rows of adopted migrations from the module that ran them into the
 * adopting module's table (created as Kysely creates it), in one transaction, before any
 * migrator runs: the tables they made stay, nothing runs twice, and the old module's
 * remaining history still matches its migrations. Once moved, there is nothing left to move.
 */
async function adoptMigrations(db: Kysely<unknown>, moduleId: string, adopts: AdoptedMigrations) {
  const from = historyTable(adopts.from);
  const to = historyTable(moduleId);
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ t: string | null }>`select to_regclass(${from})::text as t`.execute(tx);
    if (!rows[0]?.t) return;
    await sql`create table if not exists ${sql.table(to)} (
      name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(tx);
    await sql`insert into ${sql.table(to)} (name, timestamp)
      select name, timestamp from ${sql.table(from)} where name in (${sql.join(adopts.names)})
      on conflict (name) do nothing`.execute(tx);
    await sql`delete from ${sql.table(from)} where name in (${sql.join(adopts.names)})`.execute(tx);
  });
}

/**
 * Runs each module's own migration history (table `migrations_<module>`), in the order
 * given: the platform first, then modules. Adopted histories move first. A failure stops
 * and names the module.
 */
export async function migrateAll(
  db: Kysely<unknown>,
  sets: ModuleMigrations[],
  onProgress: (line: string) => void = () => {},
): Promise<void> {
  for (const { moduleId, adopts } of sets) if (adopts) await adoptMigrations(db, moduleId, adopts);
  for (const { moduleId, migrations } of sets) {
    const table = historyTable(moduleId);
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: table,
      migrationLockTableName: `${table}_lock`,
    });
    const result: MigrationResultSet = await migrator.migrateToLatest();
    for (const r of result.results ?? []) {
      onProgress(`${moduleId}: ${r.migrationName} ${r.status === 'Success' ? 'applied' : r.status}`);
    }
    if (result.error) {
      const cause = result.error instanceof Error ? result.error.message : String(result.error);
      throw new Error(`Migration of module "${moduleId}" failed: ${cause}`);
    }
  }
}

/** Runs SQL statements one at a time (PGlite's extended protocol takes one statement per query). */
export async function execStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
