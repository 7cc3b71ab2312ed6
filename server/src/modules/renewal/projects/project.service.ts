import { actorOf, invalid, type PlatformServices, type RequestContext } from '../../../platform/kit/index.ts';
import { findRegionName } from '../shared/reference.repo.ts';
import { RENEWAL_WRITE, renewalScope } from '../shared/renewal.scope.ts';
import {
  ensureMayPlaceIn,
  projectForRead,
  projectForWrite,
  projectNotFound,
  projectPolicy,
} from './project.policy.ts';
import {
  findProjectDetail,
  insertProject,
  listExceptions,
  lockProject,
  type ProjectRow,
  patchProject,
  replaceExceptions,
} from './project.repo.ts';
import {
  checkDates,
  checkOrganisations,
  normaliseExceptions,
  normaliseTaskForces,
  organisationPickScope,
} from './project.rules.ts';
import type { CreateProjectInput, UpdateProjectInput } from './project.schemas.ts';
import { refreshSnapshot } from './schedule.service.ts';
import { listTaskForceRows, replaceTaskForces } from './task-force.repo.ts';

/** Use cases of the project register: one function each, policy first, every write audited in its transaction. */

/** What the audit log keeps of a project (no personal data in it). */
const snapshot = (p: ProjectRow) => ({
  name: p.name,
  type: p.type,
  regionCode: p.region_code,
  ownerOrganisationId: p.owner_org_id,
  deliveryMode: p.delivery_mode,
  agentBuilderId: p.agent_builder_id,
  contractorId: p.contractor_id,
  supervisorId: p.supervisor_id,
  inspectorId: p.inspector_id,
  budgetFen: p.budget_fen,
  startDate: p.start_date,
  deadline: p.deadline,
  stage: p.stage,
  calendar: p.calendar_kind,
});

async function ensureRegion(s: PlatformServices, code: string): Promise<void> {
  if (!(await findRegionName(s.db, code))) {
    throw invalid('regionCode', {
      zh: `行政区划代码 ${code} 不存在，请从行政区划中选择`,
      en: `Region ${code} does not exist; choose one from the region list`,
    });
  }
}

export async function createProject(s: PlatformServices, ctx: RequestContext, input: CreateProjectInput) {
  const scope = await renewalScope(s, ctx, RENEWAL_WRITE);
  const name = input.name.trim();
  checkDates(input.startDate, input.deadline);
  await ensureRegion(s, input.regionCode);
  ensureMayPlaceIn(scope, input.regionCode);
  await checkOrganisations(s.db, input, { pickScope: organisationPickScope(s, ctx) });
  const exceptions = normaliseExceptions(input.exceptions ?? []);
  const forces = await normaliseTaskForces(s.db, scope, input.taskForces ?? []);
  return s.write(ctx, async (tx, audit) => {
    const row = await insertProject(tx, {
      name,
      type: input.type,
      region_code: input.regionCode,
      owner_org_id: input.ownerOrganisationId,
      delivery_mode: input.deliveryMode,
      agent_builder_id: input.agentBuilderId ?? null,
      contractor_id: input.contractorId ?? null,
      supervisor_id: input.supervisorId ?? null,
      inspector_id: input.inspectorId ?? null,
      budget_fen: input.budgetFen,
      start_date: input.startDate,
      deadline: input.deadline,
      stage: input.stage ?? 'initiation',
      calendar_kind: input.calendar ?? 'calendar-days',
      description: input.description?.trim() || null,
      created_by: ctx.principal?.userId ?? null,
      created_at: s.clock.now(),
      updated_at: s.clock.now(),
    });
    await replaceExceptions(tx, row.id, exceptions);
    await replaceTaskForces(tx, row.id, forces);
    await refreshSnapshot(s, tx, row);
    await audit({
      action: 'renewal.project.create',
      entityType: 'renewal_project',
      entityId: row.id,
      after: { ...snapshot(row), exceptions, taskForces: forces },
    });
    return row;
  });
}

export async function updateProject(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateProjectInput,
) {
  const { project: before, scope } = await projectForWrite(s, ctx, id);
  const start = input.startDate ?? before.start_date;
  const deadline = input.deadline ?? before.deadline;
  checkDates(start, deadline);
  if (input.regionCode !== undefined && input.regionCode !== before.region_code) {
    await ensureRegion(s, input.regionCode);
    ensureMayPlaceIn(scope, input.regionCode);
  }
  await checkOrganisations(s.db, input, {
    pickScope: organisationPickScope(s, ctx),
    current: {
      ownerOrganisationId: before.owner_org_id,
      agentBuilderId: before.agent_builder_id,
      contractorId: before.contractor_id,
      supervisorId: before.supervisor_id,
      inspectorId: before.inspector_id,
    },
  });
  const exceptions = input.exceptions ? normaliseExceptions(input.exceptions) : undefined;
  const forces = input.taskForces ? await normaliseTaskForces(s.db, scope, input.taskForces) : undefined;
  return s.write(ctx, async (tx, audit) => {
    await lockProject(tx, id);
    const row = await patchProject(tx, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
      ...(input.ownerOrganisationId !== undefined ? { owner_org_id: input.ownerOrganisationId } : {}),
      ...(input.deliveryMode !== undefined ? { delivery_mode: input.deliveryMode } : {}),
      ...(input.agentBuilderId !== undefined ? { agent_builder_id: input.agentBuilderId } : {}),
      ...(input.contractorId !== undefined ? { contractor_id: input.contractorId } : {}),
      ...(input.supervisorId !== undefined ? { supervisor_id: input.supervisorId } : {}),
      ...(input.inspectorId !== undefined ? { inspector_id: input.inspectorId } : {}),
      ...(input.budgetFen !== undefined ? { budget_fen: input.budgetFen } : {}),
      start_date: start,
      deadline,
      ...(input.stage !== undefined ? { stage: input.stage } : {}),
      ...(input.calendar !== undefined ? { calendar_kind: input.calendar } : {}),
      ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
      updated_at: s.clock.now(),
    });
    if (exceptions) await replaceExceptions(tx, id, exceptions);
    if (forces) await replaceTaskForces(tx, id, forces);
    await refreshSnapshot(s, tx, row);
    await audit({
      action: 'renewal.project.update',
      entityType: 'renewal_project',
      entityId: id,
      before: snapshot(before),
      after: {
        ...snapshot(row),
        ...(exceptions ? { exceptions } : {}),
        ...(forces ? { taskForces: forces } : {}),
      },
    });
    return row;
  });
}

/** A project with everything its detail view shows. */
export async function getProject(s: PlatformServices, ctx: RequestContext, id: string) {
  await projectForRead(s, ctx, id);
  return loadProjectView(s, ctx, id);
}

/** The project's detail view with what the caller may do with it. */
export async function loadProjectView(s: PlatformServices, ctx: RequestContext, id: string) {
  const [detail, exceptions, forces, actor] = await Promise.all([
    findProjectDetail(s.db, id),
    listExceptions(s.db, id),
    listTaskForceRows(s.db, id),
    actorOf(s, ctx),
  ]);
  if (!detail) throw projectNotFound(id);
  return { detail, exceptions, forces, can: projectPolicy.can(actor, detail) };
}
