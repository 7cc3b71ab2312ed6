import {
  conflict,
  invalid,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import { lockProject } from './project.repo.ts';
import { refreshSnapshot } from './schedule.service.ts';
import { linkForWrite, tasksForRead, tasksForWrite } from './task.policy.ts';
import {
  deleteLinkRow,
  insertLink,
  isLinkTaken,
  type LinkRow,
  listLinks,
  listTasks,
  patchLink,
} from './task.repo.ts';
import { checkNoCycle, taskLabel } from './task.rules.ts';
import type { CreateLinkInput, UpdateLinkInput } from './task.schemas.ts';

/** Use cases of task links (FS/SS/FF/SF with lag): policy first, a cycle refused, every write audited and re-planned. */

const snapshot = (l: Pick<LinkRow, 'from_task_id' | 'to_task_id' | 'type' | 'lag'>) => ({
  from: l.from_task_id,
  to: l.to_task_id,
  type: l.type,
  lag: l.lag,
});

export async function listProjectLinks(s: PlatformServices, ctx: RequestContext, projectId: string) {
  await tasksForRead(s, ctx, projectId);
  return listLinks(s.db, projectId);
}

export async function createLink(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  input: CreateLinkInput,
) {
  const { project } = await tasksForWrite(s, ctx, projectId);
  if (input.from === input.to) {
    throw invalid('to', {
      zh: '任务不能关联到它自己，请选择另一个后续任务',
      en: 'A task cannot be linked to itself; choose another successor',
    });
  }
  const type = input.type ?? 'FS';
  const lag = input.lag ?? 0;
  try {
    return await s.write(ctx, async (tx, audit) => {
      // Under the project lock the network read here is the one the new link joins.
      await lockProject(tx, projectId);
      const [tasks, links] = await Promise.all([listTasks(tx, projectId), listLinks(tx, projectId)]);
      const byId = new Map(tasks.map((t) => [t.id, t]));
      const parents = new Set(tasks.flatMap((t) => (t.parent_id ? [t.parent_id] : [])));
      for (const field of ['from', 'to'] as const) {
        const t = byId.get(input[field]);
        if (!t) {
          throw invalid(field, {
            zh: '关联的任务不存在或不属于本项目，请重新选择',
            en: 'The linked task does not exist or belongs to another project; choose another',
          });
        }
        if (parents.has(t.id)) {
          throw invalid(field, {
            zh: `「${taskLabel(t)}」是汇总任务（有子任务），请关联到它的子任务`,
            en: `"${taskLabel(t)}" is a summary task (it has sub-tasks); link its sub-tasks instead`,
          });
        }
      }
      if (links.some((l) => l.from_task_id === input.from && l.to_task_id === input.to)) throw linkTaken();
      checkNoCycle(tasks, [
        ...links.map((l) => ({ from: l.from_task_id, to: l.to_task_id })),
        { from: input.from, to: input.to },
      ]);
      const row = await insertLink(tx, { projectId, from: input.from, to: input.to, type, lag });
      await refreshSnapshot(s, tx, project);
      await audit({
        action: 'renewal.link.create',
        entityType: 'renewal_task_link',
        entityId: row.id,
        after: { projectId, ...snapshot(row) },
      });
      return row;
    });
  } catch (e) {
    if (isLinkTaken(e)) throw linkTaken();
    throw e;
  }
}

const linkTaken = () =>
  conflict(
    'to',
    {
      zh: '这两个任务之间已有关联，请修改原关联的类型或间隔',
      en: 'These two tasks are linked already; change that link’s type or lag instead',
    },
    'RENEWAL_LINK_TAKEN',
  );

export async function updateLink(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  linkId: string,
  input: UpdateLinkInput,
) {
  const { project, link: before } = await linkForWrite(s, ctx, projectId, linkId);
  const changes = {
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.lag !== undefined ? { lag: input.lag } : {}),
  };
  // Nothing to change (an empty body): the link as it stands, with no write and no audit entry.
  if (Object.keys(changes).length === 0) return before;
  return s.write(ctx, async (tx, audit) => {
    await lockProject(tx, projectId);
    const row = await patchLink(tx, linkId, changes);
    await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.link.update',
      entityType: 'renewal_task_link',
      entityId: linkId,
      before: snapshot(before),
      after: snapshot(row),
    });
    return row;
  });
}

export async function deleteLink(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  linkId: string,
) {
  const { project, link } = await linkForWrite(s, ctx, projectId, linkId);
  await s.write(ctx, async (tx, audit) => {
    await lockProject(tx, projectId);
    await deleteLinkRow(tx, linkId);
    await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.link.delete',
      entityType: 'renewal_task_link',
      entityId: linkId,
      before: { projectId, ...snapshot(link) },
    });
  });
}
