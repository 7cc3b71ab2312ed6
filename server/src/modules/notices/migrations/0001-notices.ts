import type { Kysely } from 'kysely';
import { execStatements } from '../../../platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table notices (
       id uuid primary key default gen_random_uuid(),
       title text not null,
       body text not null,
       region_code text not null references regions(code),
       author_id uuid references users(id),
       published_at timestamptz not null
     )`,
    'create index notices_region_idx on notices (region_code, published_at desc)',
  ]);
}
