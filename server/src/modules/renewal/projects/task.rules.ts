import { scheduleBackward } from '@gongfu/domain/renewal/schedule';
import { type Bilingual, invalid } from '../../../platform/kit/index.ts';

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
 * The tasks of a link cycle in link order (the first repeated at the end), or null when the
 * links form none. The domain scheduler finds the cycle; its message names the task ids.
 */
export function findCycle(
  tasks: ReadonlyArray<{ id: string }>,
  links: ReadonlyArray<{ from: string; to: string }>,
): string[] | null {
  try {
    scheduleBackward({
      tasks: tasks.map((t) => ({ id: t.id, duration: 1 })),
      links,
      start: '2000-01-01',
      deadline: '2000-01-01',
    });
    return null;
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith(CYCLE)) throw e;
    return e.message.slice(CYCLE.length).split(' → ');
  }
}

/** What to tell the user of a cycle, naming its tasks (WBS code and name) in link order. */
export function cycleText(tasks: readonly NamedTask[], cycle: readonly string[]): Bilingual {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const names = cycle.map((id) => {
    const t = byId.get(id);
    return t ? taskLabel(t) : id;
  });
  return {
    zh: `任务关联形成了循环：${names.join(' → ')}。请删除或调整其中一条关联`,
    en: `The task links form a cycle: ${names.join(' → ')}. Remove or change one of these links`,
  };
}

export const LINK_CYCLE = 'RENEWAL_LINK_CYCLE';

/** Refuses a network whose links form a cycle, naming its tasks in link order. */
export function checkNoCycle(
  tasks: readonly NamedTask[],
  links: ReadonlyArray<{ from: string; to: string }>,
  field = 'links',
): void {
  const cycle = findCycle(tasks, links);
  if (cycle) throw invalid(field, cycleText(tasks, cycle), LINK_CYCLE);
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
