import type { Db } from '../../../platform/kit/index.ts';
import { odb } from './oversight.tables.ts';

/** Queries of the daily overdue alerts: overdue findings and action items, and who may hear of them. */

/** Findings not closed whose rectification deadline is before `today`, with their project. */
export const listOverdueFindingsAll = (db: Db, today: string) =>
  odb(db)
    .selectFrom('renewal_findings as f')
    .innerJoin('renewal_projects as p', 'p.id', 'f.project_id')
    .select([
      'f.id',
      'f.inspection_id',
      'f.seq',
      'f.category',
      'f.location',
      'f.description',
      'f.deadline',
      'p.id as project_id',
      'p.name as project_name',
      'p.region_code',
      'p.contractor_id',
    ])
    .where('f.status', '<>', 'closed')
    .where('f.deadline', '<', today)
    .orderBy('f.deadline')
    .orderBy('f.id')
    .limit(5000)
    .execute();

/** Action items still open whose due day is before `today`, with their meeting's creator and project. */
export const listOverdueActionItemsAll = (db: Db, today: string) =>
  odb(db)
    .selectFrom('renewal_action_items as a')
    .innerJoin('renewal_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('renewal_projects as p', 'p.id', 'a.project_id')
    .select([
      'a.id',
      'a.meeting_id',
      'a.seq',
      'a.text',
      'a.due_on',
      'a.owner_organisation_id',
      'a.owner_organisation_name',
      'm.title as meeting_title',
      'm.created_by as meeting_created_by',
      'p.name as project_name',
    ])
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .limit(5000)
    .execute();

/** The grants of active accounts (candidates for the alerts), with each account's own organisation. */
export const listActiveGrants = (db: Db) =>
  odb(db)
    .selectFrom('user_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.role', 'g.region_code', 'g.organisation_id', 'g.programmes'])
    .where('u.status', '=', 'active')
    .execute();

/** Active accounts belonging to these organisations (their own organisation or a grant's). */
export async function usersOfOrganisations(db: Db, orgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orgIds.length === 0) return out;
  const rows = await odb(db)
    .selectFrom('users as u')
    .leftJoin('user_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.organisation_id', 'g.organisation_id as grant_org'])
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([eb('u.organisation_id', 'in', orgIds), eb('g.organisation_id', 'in', orgIds)]))
    .execute();
  for (const r of rows) {
    for (const org of [r.organisation_id, r.grant_org]) {
      if (!org || !orgIds.includes(org)) continue;
      const list = out.get(org) ?? [];
      if (!list.includes(r.id)) list.push(r.id);
      out.set(org, list);
    }
  }
  return out;
}
