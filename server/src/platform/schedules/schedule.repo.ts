import type { Selectable } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import { type ScheduleRunTable, sdb } from './schedule.table.ts';

/** The only place with queries on `schedule_runs`. */

export type ScheduleRunRow = Selectable<ScheduleRunTable>;

interface Claim {
  key: string;
  slot: string;
  owner: string;
  now: Date;
  leaseUntil: Date;
}

/**
 * Claims a slot nobody has claimed: the insert lands for exactly one process (a concurrent one
 * waits on the key, then does nothing). Returns the run's attempt number, or undefined.
 */
export async function claimSlot(db: Db, c: Claim): Promise<number | undefined> {
  const row = await sdb(db)
    .insertInto('schedule_runs')
    .values({
      schedule_key: c.key,
      slot: c.slot,
      status: 'running',
      attempts: 1,
      owner: c.owner,
      started_at: c.now,
      lease_until: c.leaseUntil,
    })
    .onConflict((oc) => oc.columns(['schedule_key', 'slot']).doNothing())
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/**
 * Takes over a slot whose run failed, or whose process died (still `running` with its lease
 * passed), if it has had fewer than `maxAttempts` runs. The update re-checks the row after any
 * concurrent one commits, so one process at most takes it. Returns the new attempt number.
 */
export async function takeOverSlot(db: Db, c: Claim, maxAttempts: number): Promise<number | undefined> {
  const row = await sdb(db)
    .updateTable('schedule_runs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      owner: c.owner,
      started_at: c.now,
      lease_until: c.leaseUntil,
      finished_at: null,
      summary: null,
      error: null,
    }))
    .where('schedule_key', '=', c.key)
    .where('slot', '=', c.slot)
    .where('status', '<>', 'succeeded')
    .where('lease_until', '<', c.now)
    .where('attempts', '<', maxAttempts)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

export const findRun = (db: Db, key: string, slot: string): Promise<ScheduleRunRow | undefined> =>
  sdb(db)
    .selectFrom('schedule_runs')
    .selectAll()
    .where('schedule_key', '=', key)
    .where('slot', '=', slot)
    .executeTakeFirst();

/** Renews the lease of a run still held by `owner`; false when it is no longer theirs. */
export async function renewLease(
  db: Db,
  r: { key: string; slot: string; owner: string; leaseUntil: Date },
): Promise<boolean> {
  const res = await sdb(db)
    .updateTable('schedule_runs')
    .set({ lease_until: r.leaseUntil })
    .where('schedule_key', '=', r.key)
    .where('slot', '=', r.slot)
    .where('owner', '=', r.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Records how the run ended (only the run `owner` holds: a slot taken over meanwhile is left as it is). */
export async function finishRun(
  db: Db,
  r: {
    key: string;
    slot: string;
    owner: string;
    status: 'succeeded' | 'failed';
    at: Date;
    leaseUntil: Date;
    summary: string | null;
    error: string | null;
  },
): Promise<boolean> {
  const res = await sdb(db)
    .updateTable('schedule_runs')
    .set({
      status: r.status,
      finished_at: r.at,
      lease_until: r.leaseUntil,
      summary: r.summary,
      error: r.error,
    })
    .where('schedule_key', '=', r.key)
    .where('slot', '=', r.slot)
    .where('owner', '=', r.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A run whose process died on its last allowed attempt: recorded as failed, not taken over again. */
export async function abandonRun(db: Db, key: string, slot: string, now: Date, error: string): Promise<void> {
  await sdb(db)
    .updateTable('schedule_runs')
    .set({ status: 'failed', finished_at: now, error })
    .where('schedule_key', '=', key)
    .where('slot', '=', slot)
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .execute();
}

/** The latest run of each schedule (by start). */
export async function latestRuns(db: Db, keys: readonly string[]): Promise<Map<string, ScheduleRunRow>> {
  if (keys.length === 0) return new Map();
  const rows = await sdb(db)
    .selectFrom('schedule_runs')
    .selectAll()
    .distinctOn('schedule_key')
    .where('schedule_key', 'in', [...keys])
    .orderBy('schedule_key')
    .orderBy('started_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.schedule_key, r]));
}

/** Forgets runs of a schedule that started before `before` (the table stays small). */
export async function pruneRuns(db: Db, key: string, before: Date): Promise<void> {
  await sdb(db)
    .deleteFrom('schedule_runs')
    .where('schedule_key', '=', key)
    .where('started_at', '<', before)
    .execute();
}
