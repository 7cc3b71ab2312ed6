import type { Static } from 'typebox';
import type { Bilingual, Lang } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { latestRuns } from './schedule.repo.ts';
import { describeWhen, slotAt } from './schedule.rules.ts';
import { ScheduleList } from './schedule.schemas.ts';
import type { ScheduleRunStatus } from './schedule.table.ts';
import type { Scheduler } from './scheduler.ts';

const STATUS_NAMES: Record<ScheduleRunStatus, Bilingual> = {
  running: { zh: '运行中', en: 'Running' },
  succeeded: { zh: '成功', en: 'Succeeded' },
  failed: { zh: '失败', en: 'Failed' },
};

const pick = (t: Bilingual, lang: Lang) => (lang === 'en' ? t.en : t.zh);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The schedules of the loaded modules with their latest run, for the system administrator. */
export async function listSchedules(
  s: PlatformServices,
  scheduler: Scheduler,
  lang: Lang,
): Promise<Static<typeof ScheduleList>> {
  const runs = await latestRuns(
    s.db,
    scheduler.entries.map((e) => e.def.key),
  );
  const now = s.clock.now();
  return {
    items: scheduler.entries.map(({ moduleId, def }) => {
      const r = runs.get(def.key);
      return {
        key: def.key,
        moduleId,
        name: pick(def.name, lang),
        when: pick(describeWhen(def.when), lang),
        runAtStart: def.runAtStart ?? false,
        nextAt: slotAt(def.when, now).next.toISOString(),
        lastRun: r
          ? {
              slot: r.slot,
              status: r.status,
              statusName: pick(STATUS_NAMES[r.status], lang),
              attempts: r.attempts,
              server: r.owner,
              startedAt: iso(r.started_at)!,
              finishedAt: iso(r.finished_at),
              summary: r.summary,
              error: r.error,
            }
          : null,
      };
    }),
  };
}

export function scheduleRoutes(app: GongfuApp, s: PlatformServices, scheduler: Scheduler) {
  app.get(
    '/api/system/schedules',
    {
      config: { access: { permission: 'system.health' } },
      schema: {
        tags: ['system'],
        summary: '定时任务及最近一次运行 Scheduled work and its latest run',
        response: { 200: ScheduleList },
      },
    },
    async (req) => listSchedules(s, scheduler, req.ctx.lang),
  );
}
