import { type FindingAction, transitionFinding } from '@gongfu/domain/renewal/finding-status';
import { rectificationDeadline } from '@gongfu/domain/renewal/rectification';
import type { Insertable } from 'kysely';
import {
  type AuditFn,
  cleanList,
  conflict,
  type Db,
  IMAGE_TYPES,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  todayOf,
} from '../../../platform/kit/index.ts';
import { type FindingAccess, findingToInspect, findingToRead, findingToReply } from './finding.policy.ts';
import {
  type FindingRow,
  findFinding,
  insertFindingEvent,
  insertFindings,
  lastActedOn,
  listFindingEvents,
  listOverdueFindings,
  lockFinding,
  nextEventSeq,
  nextFindingSeq,
  setFindingState,
} from './finding.repo.ts';
import type { CloseFindingInput, FindingInput, ReinspectInput, ReplyInput } from './finding.schemas.ts';
import { checkPastDate } from './oversight.rules.ts';
import { OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';
import type { FindingTable } from './oversight.tables.ts';
import { projectToRead } from './project-access.policy.ts';

/** Use cases of inspection findings (隐患): record, reply, re-inspect, close (销号), and lists. */

export type NewFinding = Omit<Insertable<FindingTable>, 'inspection_id' | 'project_id' | 'seq'> & {
  /** Photos uploaded for it (attached once it exists), and the request field that listed them. */
  files: { ids: string[]; field: string };
};

/** Where a finding's photos and a step's evidence are attached (platform `files`). */
export const FINDING_FILES = 'renewal_finding';
export const FINDING_EVENT_FILES = 'renewal_finding_event';

/** A finding found on `foundOn`: its deadline and stop-work order follow from the severity. */
export function prepareFinding(field: string, input: FindingInput, foundOn: string): NewFinding {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const { deadline, stopWork } = rectificationDeadline(input.severity, foundOn);
  return {
    category: input.category,
    severity: input.severity,
    location: requiredText(at('location'), input.location),
    description: requiredText(at('description'), input.description),
    photos: cleanList(input.photos),
    found_on: foundOn,
    deadline,
    stop_work: stopWork,
    files: { ids: input.files ?? [], field: at('files') },
  };
}

const snapshot = (f: NewFinding) => ({
  category: f.category,
  severity: f.severity,
  location: f.location,
  foundOn: f.found_on,
  deadline: f.deadline,
  stopWork: f.stop_work,
});

/** Inserts findings of one visit, numbered after its last one, and audits each; returns their ids. */
export async function insertAuditedFindings(
  s: PlatformServices,
  ctx: RequestContext,
  tx: Db,
  audit: AuditFn,
  visit: { inspectionId: string; projectId: string },
  findings: NewFinding[],
  at: Date,
): Promise<string[]> {
  const first = await nextFindingSeq(tx, visit.inspectionId);
  const ids = await insertFindings(
    tx,
    findings.map(({ files: _files, ...f }, k) => ({
      ...f,
      seq: first + k,
      inspection_id: visit.inspectionId,
      project_id: visit.projectId,
      created_at: at,
      updated_at: at,
    })),
  );
  for (const [k, id] of ids.entries()) {
    await audit({
      action: 'renewal.finding.create',
      entityType: 'renewal_finding',
      entityId: id,
      after: { ...visit, ...snapshot(findings[k]!) },
    });
    const files = findings[k]!.files;
    await s.files.attach(
      tx,
      ctx,
      files.ids,
      { entityType: FINDING_FILES, entityId: id },
      { field: (i) => `${files.field}.${i}`, accept: IMAGE_TYPES },
    );
  }
  return ids;
}

/**
 * One step of a finding's life, in one transaction: lock it, ask the status machine, check the
 * date follows its history, write the new state and the history entry, audit.
 */
async function step(
  s: PlatformServices,
  ctx: RequestContext,
  access: FindingAccess,
  a: {
    action: FindingAction;
    dateField: string;
    date: string;
    note: string | null;
    photos: string[];
    /** Evidence uploaded for this step (field `files`). */
    files: string[];
    organisationId: string | null;
  },
): Promise<FindingRow> {
  const id = access.finding.id;
  await s.write(ctx, async (tx, audit) => {
    await lockFinding(tx, id);
    const f = (await findFinding(tx, id))!;
    const t = transitionFinding(f.status, a.action);
    if (!t.ok) throw conflict('status', t.error, 'RENEWAL_FINDING_STATUS');
    const last = (await lastActedOn(tx, id)) ?? f.found_on;
    if (a.date < last) {
      throw invalid(a.dateField, {
        zh: `「${a.dateField}」不能早于该隐患上一次处理的日期（${last}）`,
        en: `"${a.dateField}" cannot be before the finding's last step (${last})`,
      });
    }
    const failed = a.action === 'fail';
    const newDeadline = failed ? rectificationDeadline(f.severity, a.date).deadline : null;
    await setFindingState(tx, id, {
      status: t.status,
      ...(newDeadline ? { deadline: newDeadline, rounds: f.rounds + 1 } : {}),
      ...(t.status === 'closed' ? { closedOn: a.date } : {}),
      at: s.clock.now(),
    });
    const event = await insertFindingEvent(tx, {
      finding_id: id,
      seq: await nextEventSeq(tx, id),
      action: a.action,
      acted_on: a.date,
      note: a.note,
      photos: a.photos,
      new_deadline: newDeadline,
      organisation_id: a.organisationId,
      actor_id: ctx.principal?.userId ?? null,
      created_at: s.clock.now(),
    });
    await s.files.attach(
      tx,
      ctx,
      a.files,
      { entityType: FINDING_EVENT_FILES, entityId: event.id },
      { field: (i) => `files.${i}` },
    );
    await audit({
      action: `renewal.finding.${a.action}`,
      entityType: 'renewal_finding',
      entityId: id,
      before: { status: f.status, deadline: f.deadline },
      after: {
        status: t.status,
        [a.dateField]: a.date,
        ...(newDeadline ? { deadline: newDeadline, rounds: f.rounds + 1 } : {}),
        ...(a.note ? { note: a.note } : {}),
        photos: a.photos.length,
        ...(a.files.length ? { files: a.files } : {}),
      },
    });
  });
  return (await findFinding(s.db, id))!;
}

/** The contractor's reply with evidence: open or failed → replied. */
export async function replyToFinding(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: ReplyInput,
) {
  const access = await findingToReply(s, ctx, id);
  return step(s, ctx, access, {
    action: 'reply',
    dateField: 'repliedOn',
    date: checkPastDate(s, 'repliedOn', input.repliedOn ?? todayOf(s)),
    note: requiredText('text', input.text),
    photos: cleanList(input.photos),
    files: input.files ?? [],
    organisationId: access.actingFor ?? access.finding.contractor_id,
  });
}

/** Re-inspection: replied → passed, or → failed with a new deadline from the severity. */
export async function reinspectFinding(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: ReinspectInput,
) {
  const access = await findingToInspect(s, ctx, id);
  return step(s, ctx, access, {
    action: input.result,
    dateField: 'inspectedOn',
    date: checkPastDate(s, 'inspectedOn', input.inspectedOn ?? todayOf(s)),
    note: requiredText('note', input.note),
    photos: cleanList(input.photos),
    files: input.files ?? [],
    organisationId: access.actingFor ?? access.finding.inspector_organisation_id,
  });
}

/** Closure (销号), only after a passed re-inspection. */
export async function closeFinding(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: CloseFindingInput,
) {
  const access = await findingToInspect(s, ctx, id);
  return step(s, ctx, access, {
    action: 'close',
    dateField: 'closedOn',
    date: checkPastDate(s, 'closedOn', input.closedOn ?? todayOf(s)),
    note: optionalText(input.note),
    photos: [],
    files: [],
    organisationId: access.actingFor,
  });
}

export async function getFinding(s: PlatformServices, ctx: RequestContext, id: string) {
  const { finding, can } = await findingToRead(s, ctx, id);
  const history = await listFindingEvents(s.db, id);
  // the caller may read the finding: its photos and evidence come with signed links
  const [files, evidence] = await Promise.all([
    s.files.attachedTo(FINDING_FILES, [id]),
    s.files.attachedTo(
      FINDING_EVENT_FILES,
      history.map((e) => e.id),
    ),
  ]);
  return { finding, files: files.get(id) ?? [], history, evidence, can };
}

/** The alert list: findings past their deadline and not closed, grouped by project. */
export async function listOverdueFindingGroups(s: PlatformServices, ctx: RequestContext, projectId?: string) {
  const scope = projectId
    ? (await projectToRead(s, ctx, projectId)).scope
    : await oversightScope(s, ctx, OVERSIGHT_READ);
  const rows = await listOverdueFindings(s.db, scope, todayOf(s), projectId);
  const groups = new Map<string, { first: FindingRow; findings: FindingRow[] }>();
  for (const r of rows) {
    const g = groups.get(r.project_id);
    if (g) g.findings.push(r);
    else groups.set(r.project_id, { first: r, findings: [r] });
  }
  return [...groups.values()];
}
