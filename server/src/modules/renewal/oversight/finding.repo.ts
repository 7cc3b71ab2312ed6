import type { FindingStatus } from '@gongfu/domain/renewal/finding-status';
import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { type FindingEventTable, type FindingTable, odb } from './oversight.tables.ts';
import { READERS } from './project-access.policy.ts';
import { projectIdsInScope } from './project-access.repo.ts';

/** The only place with queries on inspection findings (隐患) and their history. */

export async function insertFindings(tx: Db, rows: Insertable<FindingTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await odb(tx).insertInto('renewal_findings').values(rows).returning('id').execute()).map(
    (r) => r.id,
  );
}

/** The next number within a visit (call with the visit locked). */
export async function nextFindingSeq(tx: Db, inspectionId: string): Promise<number> {
  const r = await odb(tx)
    .selectFrom('renewal_findings')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  return (r?.m ?? 0) + 1;
}

/** The next number in a finding's history (call with the finding locked). */
export async function nextEventSeq(tx: Db, findingId: string): Promise<number> {
  const r = await odb(tx)
    .selectFrom('renewal_finding_events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('finding_id', '=', findingId)
    .executeTakeFirst();
  return (r?.m ?? 0) + 1;
}

const withNames = (db: Db) =>
  odb(db)
    .selectFrom('renewal_findings as f')
    .innerJoin('renewal_inspections as i', 'i.id', 'f.inspection_id')
    .innerJoin('renewal_projects as p', 'p.id', 'f.project_id')
    .innerJoin('organisations as io', 'io.id', 'i.inspector_organisation_id')
    .leftJoin('organisations as c', 'c.id', 'p.contractor_id')
    .selectAll('f')
    .select([
      'p.name as project_name',
      'p.contractor_id',
      'c.name as contractor_name',
      'i.inspector_organisation_id',
      'io.name as inspector_organisation_name',
    ]);

export const findFinding = (db: Db, id: string) => withNames(db).where('f.id', '=', id).executeTakeFirst();

export type FindingRow = NonNullable<Awaited<ReturnType<typeof findFinding>>>;

/** Locks the finding until the transaction ends: two replies or re-inspections queue. */
export async function lockFinding(tx: Db, id: string): Promise<void> {
  await odb(tx).selectFrom('renewal_findings').select('id').where('id', '=', id).forUpdate().execute();
}

export const setFindingState = (
  tx: Db,
  id: string,
  v: { status: FindingStatus; deadline?: string; rounds?: number; closedOn?: string | null; at: Date },
) =>
  odb(tx)
    .updateTable('renewal_findings')
    .set({
      status: v.status,
      ...(v.deadline !== undefined ? { deadline: v.deadline } : {}),
      ...(v.rounds !== undefined ? { rounds: v.rounds } : {}),
      ...(v.closedOn !== undefined ? { closed_on: v.closedOn } : {}),
      updated_at: v.at,
    })
    .where('id', '=', id)
    .execute();

export const insertFindingEvent = (tx: Db, v: Insertable<FindingEventTable>) =>
  odb(tx).insertInto('renewal_finding_events').values(v).returning('id').executeTakeFirstOrThrow();

export const listFindingEvents = (db: Db, findingId: string) =>
  odb(db)
    .selectFrom('renewal_finding_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select(['o.name as organisation_name', 'u.display_name as actor_name'])
    .where('e.finding_id', '=', findingId)
    .orderBy('e.seq')
    .execute();

export type FindingEventRow = Awaited<ReturnType<typeof listFindingEvents>>[number];

/** The latest date in a finding's history (its own date if it has none). */
export async function lastActedOn(db: Db, findingId: string): Promise<string | null> {
  const r = await odb(db)
    .selectFrom('renewal_finding_events')
    .select((eb) => eb.fn.max('acted_on').as('d'))
    .where('finding_id', '=', findingId)
    .executeTakeFirst();
  return r?.d ?? null;
}

export const listInspectionFindings = (db: Db, inspectionId: string) =>
  withNames(db).where('f.inspection_id', '=', inspectionId).orderBy('f.seq').execute();

/** Findings not closed and past their deadline on `today`, by project then deadline. */
export const listOverdueFindings = (db: Db, scope: RenewalScope, today: string, projectId?: string) =>
  withNames(db)
    .where('f.project_id', 'in', projectIdsInScope(db, scope, READERS))
    .$if(projectId !== undefined, (q) => q.where('f.project_id', '=', projectId as string))
    .where('f.status', '<>', 'closed')
    .where('f.deadline', '<', today)
    .orderBy('p.name')
    .orderBy('f.project_id')
    .orderBy('f.deadline')
    .orderBy('f.inspection_id')
    .orderBy('f.seq')
    .limit(2000)
    .execute();

/**
 * The rows of the findings list and its export: what they show, the days each is past its
 * deadline on `today` while not closed (0 when not overdue), and who may act on it (the
 * project's region, contractor and inspector, the firm that found it: `can`).
 */
export const findingListRows = (db: Db, today: string) =>
  odb(db)
    .selectFrom('renewal_findings as f')
    .innerJoin('renewal_inspections as i', 'i.id', 'f.inspection_id')
    .innerJoin('renewal_projects as p', 'p.id', 'f.project_id')
    .innerJoin('organisations as io', 'io.id', 'i.inspector_organisation_id')
    .leftJoin('organisations as c', 'c.id', 'p.contractor_id')
    .select([
      'f.id',
      'f.inspection_id',
      'f.seq',
      'f.project_id',
      'f.category',
      'f.severity',
      'f.location',
      'f.description',
      'f.found_on',
      'f.deadline',
      'f.stop_work',
      'f.rounds',
      'f.status',
      'f.closed_on',
      sql<number>`cardinality(f.photos)`.as('photo_count'),
      'p.name as project_name',
      'p.region_code',
      'p.contractor_id',
      'p.inspector_id',
      'c.name as contractor_name',
      'i.inspector_organisation_id',
      'io.name as inspector_organisation_name',
      sql<number>`case when f.status <> 'closed' and f.deadline < ${today}::date
        then ${today}::date - f.deadline else 0 end`.as('days_overdue'),
    ]);

export type FindingListRow = Awaited<ReturnType<ReturnType<typeof findingListRows>['execute']>>[number];
