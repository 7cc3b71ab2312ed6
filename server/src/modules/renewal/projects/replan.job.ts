import {
  type PlatformServices,
  type ScheduleDef,
  shanghaiDate,
  systemContext,
} from '../../../platform/kit/index.ts';
import { findProjectRow } from './project.repo.ts';
import { insertSnapshotIfMissing, projectsMissingSnapshot, type SnapshotRow } from './schedule.repo.ts';
import { scheduleOf, snapshotRow } from './schedule.service.ts';

/**
 * The daily re-plan (每天倒排工期): every project not yet delivered is planned as of the date
 * from the reports filed up to it, and the figures are kept as that day's snapshot. Idempotent
 * per date: a project with a snapshot for the date is skipped (changes during the day refresh
 * it through `refreshSnapshot`), so running it again, or on two servers, writes nothing twice.
 * Declared as the manifest schedule `renewal.replan`: the platform runs it at start-up when the
 * day has not been planned yet, then shortly after each midnight (Asia/Shanghai), once per cluster.
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

/** The daily re-plan as the platform's schedule: shortly after midnight, and at start-up if the day was missed. */
export const replanSchedule: ScheduleDef = {
  key: 'renewal.replan',
  name: { zh: '每日倒排工期', en: 'Daily re-plan of the schedules' },
  when: { dailyAt: '00:05' },
  runAtStart: true,
  async run(s, { now, log }) {
    const r = await replanAllProjects(s, shanghaiDate(now), log);
    const failed = r.failed.length > 0 ? `；${r.failed.length} 个失败 / ${r.failed.length} failed` : '';
    return { summary: `${r.date}：重排 ${r.planned} 个项目 / ${r.planned} project(s) re-planned${failed}` };
  },
};
