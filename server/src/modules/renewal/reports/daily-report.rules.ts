import { checkDate, invalid } from '../../../platform/kit/index.ts';
import type { TaskRow } from '../projects/task.repo.ts';
import { taskLabel } from '../projects/task.rules.ts';
import type { FileReportInput } from './daily-report.schemas.ts';

/** Checks of a daily report's progress lines against the project's tasks and the report date (pure). */

export interface ProgressLine {
  task_id: string;
  percent: number | null;
  started_on: string | null;
  finished_on: string | null;
  remaining_days: number | null;
}

export function checkProgress(
  lines: NonNullable<FileReportInput['progress']>,
  tasks: readonly TaskRow[],
  reportDate: string,
): ProgressLine[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const parents = new Set(tasks.flatMap((t) => (t.parent_id ? [t.parent_id] : [])));
  const seen = new Set<string>();
  return lines.map((l, i) => {
    const f = (name: string) => `progress.${i}.${name}`;
    const task = byId.get(l.taskId);
    if (!task) {
      throw invalid(f('taskId'), {
        zh: '任务不存在或不属于本项目，请从任务清单中选择',
        en: 'The task does not exist or belongs to another project; choose one from the task list',
      });
    }
    const name = taskLabel(task);
    if (parents.has(task.id)) {
      throw invalid(f('taskId'), {
        zh: `「${name}」是汇总任务，请填报它的子任务进度`,
        en: `"${name}" is a summary task; report the progress of its sub-tasks`,
      });
    }
    if (seen.has(task.id)) {
      throw invalid(f('taskId'), {
        zh: `「${name}」在本日报中重复填报，请合并为一行`,
        en: `"${name}" appears twice in this report; merge the lines`,
      });
    }
    seen.add(task.id);
    if (l.percent === undefined && !l.startedOn && !l.finishedOn && l.remainingDays === undefined) {
      throw invalid(`progress.${i}`, {
        zh: `请填写「${name}」的完成百分比、开工日期、完工日期或剩余天数`,
        en: `Give a percent, start day, finish day or remaining days for "${name}"`,
      });
    }
    for (const key of ['startedOn', 'finishedOn'] as const) {
      const d = l[key];
      if (!d) continue;
      checkDate(f(key), d);
      if (d > reportDate) {
        throw invalid(f(key), {
          zh: `「${name}」的${key === 'startedOn' ? '开工' : '完工'}日期（${d}）不能晚于日报日期（${reportDate}）`,
          en: `The ${key === 'startedOn' ? 'start' : 'finish'} day of "${name}" (${d}) cannot be after the report date (${reportDate})`,
        });
      }
    }
    if (l.startedOn && l.finishedOn && l.finishedOn < l.startedOn) {
      throw invalid(f('finishedOn'), {
        zh: `「${name}」的完工日期不能早于开工日期`,
        en: `The finish day of "${name}" cannot be before its start day`,
      });
    }
    const notDone = (l.percent !== undefined && l.percent < 100) || (l.remainingDays ?? 0) > 0;
    if (l.finishedOn && notDone) {
      throw invalid(f('finishedOn'), {
        zh: `「${name}」已填完工日期，完成百分比应为 100、剩余天数应为 0`,
        en: `"${name}" has a finish day, so its percent must be 100 and remaining days 0`,
      });
    }
    return {
      task_id: task.id,
      percent: l.percent ?? (l.finishedOn ? 100 : null),
      started_on: l.startedOn ?? null,
      finished_on: l.finishedOn ?? null,
      remaining_days: l.remainingDays ?? null,
    };
  });
}
