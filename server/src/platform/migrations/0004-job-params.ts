import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * The path parameters of the list an import job writes to, for lists that belong to one
 * record (a renewal project's task list: `{ "id": <project id> }`); null for the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, ['alter table jobs add column params jsonb']);
}
