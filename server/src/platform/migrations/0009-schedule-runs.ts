import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * Runs of the modules' scheduled work (manifest `schedules`), one row per schedule and slot
 * (a day, or an N-minute window). The primary key is the claim: of several server processes the
 * one whose insert lands runs the slot; the others see the row. A run holds its slot until
 * `lease_until` (renewed while it runs); after a failure, or when its process died, another may
 * take the slot over once the lease has passed, counting `attempts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table schedule_runs (
       schedule_key text not null,
       slot text not null,
       status text not null check (status in ('running','succeeded','failed')),
       attempts integer not null check (attempts > 0),
       owner text not null,
       started_at timestamptz not null,
       lease_until timestamptz not null,
       finished_at timestamptz,
       summary text,
       error text,
       primary key (schedule_key, slot)
     )`,
    'create index schedule_runs_recent_idx on schedule_runs (schedule_key, started_at desc)',
  ]);
}
