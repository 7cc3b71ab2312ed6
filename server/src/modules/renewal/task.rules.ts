import { scheduleBackward } from '@gongfu/domain/renewal/schedule';
import { invalid } from '../../platform/http/errors.ts';

/** Rules of a project's task network (pure). */

export interface NamedTask {
  id: string;
  name: string;
  wbs_code: string | null;
  parent_id: string | null;
}

export const taskLabel = (t: Pick<NamedTask, 'name' | 'wbs_code'>) =>
  t.wbs_code ? `${t.wbs_code} ${t.name}` : t.name;

const CYCLE = 'link cycle: ';

/**
 * Refuses a network whose links form a cycle, naming its tasks in link order (the domain
 * scheduler finds the cycle; its message names task ids, turned here into the tasks' names).
 */
export function checkNoCycle(
  tasks: readonly NamedTask[],
  links: ReadonlyArray<{ from: string; to: string }>,
  field = 'links',
): void {
  try {
    scheduleBackward({
      tasks: tasks.map((t) => ({ id: t.id, duration: 1 })),
      links,
      start: '2000-01-01',
      deadline: '2000-01-01',
    });
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith(CYCLE)) throw e;
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const names = e.message
      .slice(CYCLE.length)
      .split(' → ')
      .map((id) => {
        const t = byId.get(id);
        return t ? taskLabel(t) : id;
      });
    throw invalid(
      field,
      {
        zh: `任务关联形成了循环：${names.join(' → ')}。请删除或调整其中一条关联`,
        en: `The task links form a cycle: ${names.join(' → ')}. Remove or change one of these links`,
      },
      'RENEWAL_LINK_CYCLE',
    );
  }
}

/** Would `parentId` become its own ancestor if `taskId` were placed under it? */
export function isDescendantOrSelf(tasks: readonly NamedTask[], taskId: string, parentId: string): boolean {
  const parentOf = new Map(tasks.map((t) => [t.id, t.parent_id]));
  let p: string | null | undefined = parentId;
  for (let steps = 0; p && steps <= tasks.length; steps++) {
    if (p === taskId) return true;
    p = parentOf.get(p);
  }
  return false;
}
