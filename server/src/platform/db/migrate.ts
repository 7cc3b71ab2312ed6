import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';

export type MigrationSet = Record<string, Migration>;

export interface ModuleMigrations {
  moduleId: string;
  migrations: MigrationSet;
}

/**
 * Runs each module's own migration history (table `migrations_<module>`), in the order
 * given: the platform first, then modules. A failure stops and names the module.
 */
export async function migrateAll(
  db: Kysely<unknown>,
  sets: ModuleMigrations[],
  onProgress: (line: string) => void = () => {},
): Promise<void> {
  for (const { moduleId, migrations } of sets) {
    const tableId = moduleId.replace(/[^a-z0-9_]/g, '_');
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: `migrations_${tableId}`,
      migrationLockTableName: `migrations_${tableId}_lock`,
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
