import type { WorkingCalendar } from '@gongfu/domain/renewal/calendar';
import type { Random } from '../../../../demo/demo-random.ts';
import { type PlatformServices, type RequestContext, solidPng } from '../../../../platform/kit/index.ts';
import type { Weather } from '../../shared/renewal.tables.ts';
import type { FileReportInput } from '../daily-report.schemas.ts';

/**
 * The site as it went, day by day: progress lines a daily report would carry, derived from
 * the project's baseline plan (tasks start and finish as planned, except a task that slips),
 * plus the people, machines and weather of the day (pure, except the photos' upload).
 */

export interface BaselineTask {
  id: string;
  name: string;
  earlyStart: string;
  earlyFinish: string;
}

export interface Slip {
  taskId: string;
  /** Working days the task runs past its planned finish. */
  extraDays: number;
  /** Reports from this day on show the slip. */
  from: string;
}

type Progress = NonNullable<FileReportInput['progress']>[number];

/** The finish the site is heading for, as known on `day`. */
function finishOn(t: BaselineTask, cal: WorkingCalendar, day: string, slip: Slip | undefined): string {
  return slip && slip.taskId === t.id && day >= slip.from
    ? cal.addWorkingDays(t.earlyFinish, slip.extraDays)
    : t.earlyFinish;
}

/**
 * Progress lines of the report of `day`: tasks that started or finished since the previous
 * report (`previous`: null for the first report, which brings the whole history), and every
 * task in progress with its percent and the working days it still needs (counting `day`).
 */
export function progressOn(
  tasks: readonly BaselineTask[],
  cal: WorkingCalendar,
  day: string,
  previous: string | null,
  slip?: Slip,
): Progress[] {
  const lines: Progress[] = [];
  const since = (d: string) => (previous === null || d > previous) && d <= day;
  for (const t of tasks) {
    if (t.earlyStart > day) continue;
    const finish = finishOn(t, cal, day, slip);
    const startedNow = since(t.earlyStart);
    if (finish <= day) {
      if (since(finish)) {
        lines.push({
          taskId: t.id,
          ...(startedNow ? { startedOn: t.earlyStart } : {}),
          finishedOn: finish,
          percent: 100,
        });
      }
      continue;
    }
    const total = cal.countWorkingDays(t.earlyStart, finish);
    const done = cal.countWorkingDays(t.earlyStart, day);
    lines.push({
      taskId: t.id,
      ...(startedNow ? { startedOn: t.earlyStart } : {}),
      percent: Math.min(99, Math.floor((done / total) * 100)),
      remainingDays: cal.countWorkingDays(day, finish),
    });
  }
  return lines;
}

const WEATHER: readonly Weather[] = ['sunny', 'sunny', 'sunny', 'cloudy', 'cloudy', 'overcast', 'rain'];

export interface SiteProfile {
  workers: [number, number];
  machinery: Array<{ type: string; count: [number, number] }>;
}

export const HOUSING_SITE: SiteProfile = {
  workers: [420, 520],
  machinery: [
    { type: '塔吊', count: [8, 8] },
    { type: '施工电梯', count: [6, 8] },
    { type: '混凝土泵车', count: [1, 3] },
  ],
};
export const LANDMARK_SITE: SiteProfile = {
  workers: [260, 380],
  machinery: [
    { type: '塔吊', count: [3, 4] },
    { type: '履带吊', count: [1, 2] },
    { type: '混凝土泵车', count: [1, 2] },
  ],
};
export const ROAD_SITE: SiteProfile = {
  workers: [90, 140],
  machinery: [
    { type: '挖掘机', count: [4, 6] },
    { type: '压路机', count: [2, 4] },
    { type: '沥青摊铺机', count: [0, 1] },
    { type: '自卸车', count: [8, 12] },
  ],
};

/** The day's report: site figures from the profile, progress from the baseline. */
export function reportOn(
  r: Random,
  site: SiteProfile,
  progress: Progress[],
  names: ReadonlyMap<string, string>,
  day: string,
  problems: NonNullable<FileReportInput['problems']>,
): FileReportInput {
  const active = progress.filter((p) => p.percent !== 100).slice(0, 2);
  return {
    date: day,
    weather: r.pick(WEATHER),
    workersOnSite: r.int(site.workers[0], site.workers[1]),
    machinery: site.machinery
      .map((m) => ({ type: m.type, count: r.int(m.count[0], m.count[1]) }))
      .filter((m) => m.count > 0),
    progress,
    problems,
    // photos: the last days' reports get real ones (sitePhotos), stored through the file store
    photos: [],
    notes: active.length > 0 ? `今日重点：${active.map((p) => names.get(p.taskId)).join('；')}` : null,
  };
}

const PHOTO_COLOURS: Array<[number, number, number]> = [
  [176, 190, 197],
  [141, 110, 99],
];

/**
 * Site photos of the day's active tasks (at most two): small solid-colour PNGs uploaded through
 * the platform's file store as the filer, with the task's name as caption.
 */
export async function sitePhotos(
  s: PlatformServices,
  ctx: RequestContext,
  progress: readonly Progress[],
  names: ReadonlyMap<string, string>,
): Promise<NonNullable<FileReportInput['photos']>> {
  const active = progress.filter((p) => p.percent !== 100).slice(0, 2);
  const photos: NonNullable<FileReportInput['photos']> = [];
  for (const [i, p] of active.entries()) {
    const name = names.get(p.taskId) ?? '';
    const file = await s.files.upload(ctx, {
      name: `${name || '施工现场'}.png`,
      data: solidPng(96, 64, PHOTO_COLOURS[i % PHOTO_COLOURS.length]!),
    });
    photos.push({ fileId: file.id, description: `${name} 施工现场` });
  }
  return photos;
}
