import type { ColumnType, Kysely } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';

export type ScheduleRunStatus = 'running' | 'succeeded' | 'failed';

type Timestamp = ColumnType<Date, Date, Date>;

/** One slot of one schedule (migration 0009): who claimed it, how it went. */
export interface ScheduleRunTable {
  schedule_key: string;
  /** The day ('2026-03-02') or the window's start in Asia/Shanghai ('2026-03-02 08:05'). */
  slot: string;
  status: ScheduleRunStatus;
  /** Runs of this slot so far (a retry after a failure, a take-over after a crash, counts one more). */
  attempts: number;
  /** The process (scheduler) that holds or held the slot: host, pid and a random tag. */
  owner: string;
  started_at: Timestamp;
  /** Until then no other process takes the slot: renewed while it runs; after a failure, the earliest retry. */
  lease_until: Timestamp;
  finished_at: Timestamp | null;
  summary: string | null;
  error: string | null;
}

export interface ScheduleTables {
  schedule_runs: ScheduleRunTable;
}

export const sdb = (db: Db): Kysely<ScheduleTables> => db as unknown as Kysely<ScheduleTables>;
