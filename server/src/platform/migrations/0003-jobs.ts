import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * Background jobs (Excel imports first) and the staging table imports write their prepared
 * rows to before one final transaction moves them into the real table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table jobs (
       id uuid primary key default gen_random_uuid(),
       seq bigint generated always as identity,
       kind text not null,
       target text not null,
       owner_id uuid not null references users(id),
       status text not null check (status in ('queued','running','succeeded','failed')),
       mode text not null check (mode in ('all','valid')),
       file_name text not null,
       lang text not null check (lang in ('zh-CN','en')),
       request_id text,
       ip text,
       input bytea,
       progress jsonb not null,
       result jsonb,
       error jsonb,
       error_report bytea,
       attempts integer not null default 0,
       created_at timestamptz not null,
       started_at timestamptz,
       finished_at timestamptz
     )`,
    'create index jobs_owner_idx on jobs (owner_id, seq desc)',
    "create index jobs_unfinished_idx on jobs (seq) where status in ('queued', 'running')",
    `create table import_rows (
       job_id uuid not null references jobs(id) on delete cascade,
       row_no integer not null,
       payload jsonb not null,
       primary key (job_id, row_no)
     )`,
  ]);
}
