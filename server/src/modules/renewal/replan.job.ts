import { systemContext } from '../../platform/accounts/create-user.ts';
import type { GongfuApp, PlatformServices } from '../../platform/module/app-types.ts';
import { findProjectRow } from './project.repo.ts';
import { todayOf } from './renewal.dates.ts';
import { insertSnapshotIfMissing, projectsMissingSnapshot, type SnapshotRow } from './schedule.repo.ts';
import { scheduleOf, snapshotRow } from './schedule.service.ts';

/**
 * The daily re-plan (每天倒排工期): every project not yet delivered is planned as of the date
 * from the reports filed up to it, and the figures are kept as that day's snapshot. Idempotent
 * per date: a project with a snapshot for the date is skipped (changes during the day refresh
 * it through `refreshSnapshot`), so running it again, or on two servers, writes nothing twice.
 * Runs at start-up for today, then shortly after each midnight (Asia/Shanghai) on a timer;
 * a durable job queue (pg-boss) is not in use yet.
 */

const CHUNK = 100;

export interface ReplanResult {
  date: string;
  /** Snapshots written. */
  planned: number;
  /** Projects whose plan failed (logged). */
  failed: string[];
}

export async function replanAllProjects(
  s: PlatformServices,
  date: string,
  log: (line: string) => void = () => {},
  /** Only these projects (back-filling a trend); default: every open project. */
  only?: ReadonlySet<string>,
): Promise<ReplanResult> {
  const ids = (await projectsMissingSnapshot(s.db, date)).filter((id) => !only || only.has(id));
  const failed: string[] = [];
  let planned = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows: SnapshotRow[] = [];
    for (const id of ids.slice(i, i + CHUNK)) {
      const project = await findProjectRow(s.db, id);
      if (!project) continue;
      try {
        rows.push(snapshotRow(id, (await scheduleOf(s.db, project, date)).outcome, s.clock.now()));
      } catch (e) {
        failed.push(id);
        log(
          `renewal re-plan of project ${id} on ${date} failed: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    const written = await s.write(systemContext('renewal-replan'), async (tx, audit) => {
      const done: string[] = [];
      for (const r of rows) if (await insertSnapshotIfMissing(tx, r)) done.push(r.project_id);
      if (done.length > 0) {
        await audit({
          action: 'renewal.replan',
          entityType: 'renewal_schedule',
          entityId: date,
          after: { date, projects: done.length, late: rows.filter((r) => r.days_late > 0).length },
        });
      }
      return done.length;
    });
    planned += written;
  }
  return { date, planned, failed };
}

/** Milliseconds from `now` to five minutes past the next midnight in Asia/Shanghai. */
export function msUntilNextRun(now: Date): number {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const nextMidnightUtc =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1) - 8 * 3_600_000;
  return nextMidnightUtc + 5 * 60_000 - now.getTime();
}

/** Runs `task` when the server is ready, then shortly after each midnight (Asia/Shanghai); stops with the server. */
export function installDailyTask(app: GongfuApp, s: PlatformServices, task: () => Promise<void>): void {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const arm = () => {
    if (closed) return;
    timer = setTimeout(() => {
      void task().finally(arm);
    }, msUntilNextRun(s.clock.now()));
    timer.unref();
  };
  app.addHook('onReady', async () => {
    await task();
    arm();
  });
  app.addHook('onClose', async () => {
    closed = true;
    if (timer) clearTimeout(timer);
  });
}

/** Re-plans today's missing snapshots when the server is ready, then every day. */
export function installDailyReplan(app: GongfuApp, s: PlatformServices): void {
  installDailyTask(app, s, async () => {
    try {
      const r = await replanAllProjects(s, todayOf(s), (l) => app.log.warn(l));
      if (r.planned > 0) app.log.info(`renewal: re-planned ${r.planned} projects for ${r.date}`);
    } catch (e) {
      app.log.error({ err: e }, 'renewal: daily re-plan failed');
    }
  });
}
