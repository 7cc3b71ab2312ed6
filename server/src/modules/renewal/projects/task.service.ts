import {
  conflict,
  type Db,
  invalid,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import { lockProject } from './project.repo.ts';
import { checkActiveOrganisation } from './project.rules.ts';
import { refreshSnapshot } from './schedule.service.ts';
import { taskForWrite, tasksForRead, tasksForWrite, withTaskCan } from './task.policy.ts';
import {
  countChildren,
  countProgressItems,
  deleteTaskRow,
  findTask,
  insertTask,
  isWbsTaken,
  linksOfTask,
  listTasks,
  nextTaskPosition,
  patchTask,
  type TaskRow,
} from './task.repo.ts';
import { isDescendantOrSelf, taskLabel } from './task.rules.ts';
import type { CreateTaskInput, UpdateTaskInput } from './task.schemas.ts';

/** Use cases of a project's tasks (the work breakdown): policy first, every write audited and re-planned. */

const snapshot = (
  t: Pick<TaskRow, 'name' | 'duration' | 'wbs_code' | 'parent_id' | 'responsible_org_id' | 'position'>,
) => ({
  name: t.name,
  duration: t.duration,
  wbsCode: t.wbs_code,
  parentId: t.parent_id,
  responsibleOrganisationId: t.responsible_org_id,
  position: t.position,
});

const RESPONSIBLE = { zh: '责任单位', en: 'responsible organisation' };

export const wbsTaken = (code: string | null | undefined) =>
  conflict(
    'wbsCode',
    {
      zh: `WBS编码「${code ?? ''}」已被本项目的其他任务使用，请换一个`,
      en: `WBS code "${code ?? ''}" is used by another task of this project; choose another`,
    },
    'RENEWAL_WBS_TAKEN',
  );

/** A task may become a parent (summary) only while it has no links and no reported progress. */
async function checkParent(db: Db, projectId: string, parentId: string, taskId?: string): Promise<void> {
  const parent = await findTask(db, parentId);
  if (!parent || parent.project_id !== projectId) {
    throw invalid('parentId', {
      zh: '上级任务不存在或不属于本项目，请重新选择',
      en: 'The parent task does not exist or belongs to another project; choose another',
    });
  }
  if (taskId && isDescendantOrSelf(await listTasks(db, projectId), taskId, parentId)) {
    throw invalid('parentId', {
      zh: '不能把任务放到它自己或它的下级任务之下，请选择其他上级任务',
      en: 'A task cannot be placed under itself or one of its own sub-tasks; choose another parent',
    });
  }
  if ((await linksOfTask(db, parentId)).length > 0) {
    throw invalid('parentId', {
      zh: `任务「${taskLabel(parent)}」已有前后置关联，不能作为上级（汇总）任务；请先删除它的关联`,
      en: `Task "${taskLabel(parent)}" has links, so it cannot become a summary task; remove its links first`,
    });
  }
  if ((await countProgressItems(db, parentId)) > 0) {
    throw invalid('parentId', {
      zh: `任务「${taskLabel(parent)}」已在日报中填报进度，不能作为上级（汇总）任务`,
      en: `Task "${taskLabel(parent)}" has progress in daily reports, so it cannot become a summary task`,
    });
  }
}

/** The project's tasks, in list order, each with what the caller may do with it. */
export async function listProjectTasks(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const access = await tasksForRead(s, ctx, projectId);
  return (await listTasks(s.db, projectId)).map((t) => withTaskCan(access, t));
}

async function saving<T>(code: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isWbsTaken(e)) throw wbsTaken(code);
    throw e;
  }
}

export async function createTask(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  input: CreateTaskInput,
) {
  const access = await tasksForWrite(s, ctx, projectId);
  const { project } = access;
  await checkActiveOrganisation(
    s.db,
    input.responsibleOrganisationId,
    'responsibleOrganisationId',
    RESPONSIBLE,
  );
  if (input.parentId) await checkParent(s.db, projectId, input.parentId);
  const id = await saving(input.wbsCode, () =>
    s.write(ctx, async (tx, audit) => {
      await lockProject(tx, projectId);
      const values = {
        project_id: projectId,
        name: input.name.trim(),
        duration: input.duration,
        wbs_code: input.wbsCode ?? null,
        parent_id: input.parentId ?? null,
        responsible_org_id: input.responsibleOrganisationId ?? null,
        position: await nextTaskPosition(tx, projectId),
      };
      const row = await insertTask(tx, { ...values, created_at: s.clock.now(), updated_at: s.clock.now() });
      await refreshSnapshot(s, tx, project);
      await audit({
        action: 'renewal.task.create',
        entityType: 'renewal_task',
        entityId: row.id,
        after: { projectId, ...snapshot(values) },
      });
      return row.id;
    }),
  );
  return withTaskCan(access, (await findTask(s.db, id))!);
}

export async function updateTask(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  taskId: string,
  input: UpdateTaskInput,
) {
  const { project, task: before } = await taskForWrite(s, ctx, projectId, taskId);
  await checkActiveOrganisation(
    s.db,
    input.responsibleOrganisationId,
    'responsibleOrganisationId',
    RESPONSIBLE,
  );
  if (input.parentId) await checkParent(s.db, projectId, input.parentId, taskId);
  await saving(input.wbsCode, () =>
    s.write(ctx, async (tx, audit) => {
      await lockProject(tx, projectId);
      const patch = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.duration !== undefined ? { duration: input.duration } : {}),
        ...(input.wbsCode !== undefined ? { wbs_code: input.wbsCode } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.responsibleOrganisationId !== undefined
          ? { responsible_org_id: input.responsibleOrganisationId }
          : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      };
      await patchTask(tx, taskId, { ...patch, updated_at: s.clock.now() });
      await refreshSnapshot(s, tx, project);
      await audit({
        action: 'renewal.task.update',
        entityType: 'renewal_task',
        entityId: taskId,
        before: snapshot(before),
        after: snapshot({ ...before, ...patch }),
      });
    }),
  );
  return (await findTask(s.db, taskId))!;
}

/** Deletes a task and its links; refused while it has sub-tasks or reported progress. */
export async function deleteTask(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  taskId: string,
) {
  const { project, task } = await taskForWrite(s, ctx, projectId, taskId);
  await s.write(ctx, async (tx, audit) => {
    // Under the project lock: no report or sub-task can arrive between the checks and the delete.
    await lockProject(tx, projectId);
    if ((await countChildren(tx, taskId)) > 0) {
      throw conflict(
        'taskId',
        {
          zh: `任务「${taskLabel(task)}」下还有子任务，请先删除或移走子任务`,
          en: `Task "${taskLabel(task)}" has sub-tasks; delete or move them first`,
        },
        'RENEWAL_TASK_HAS_CHILDREN',
      );
    }
    if ((await countProgressItems(tx, taskId)) > 0) {
      throw conflict(
        'taskId',
        {
          zh: `任务「${taskLabel(task)}」已在工程日报中填报进度，不能删除（日报是施工记录）`,
          en: `Task "${taskLabel(task)}" has progress in daily reports and cannot be deleted (reports are the site record)`,
        },
        'RENEWAL_TASK_REPORTED',
      );
    }
    const links = await linksOfTask(tx, taskId);
    await deleteTaskRow(tx, taskId);
    await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.task.delete',
      entityType: 'renewal_task',
      entityId: taskId,
      before: {
        projectId,
        ...snapshot(task),
        links: links.map((l) => ({ from: l.from_task_id, to: l.to_task_id, type: l.type, lag: l.lag })),
      },
    });
  });
}
