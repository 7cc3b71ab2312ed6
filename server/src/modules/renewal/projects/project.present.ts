import { type Lang, orgRef, say } from '../../../platform/kit/index.ts';
import {
  CALENDAR_NAMES,
  DELIVERY_MODE_NAMES,
  MEMBER_ROLE_NAMES,
  PROJECT_TYPE_NAMES,
  STAGE_NAMES,
} from '../shared/renewal.labels.ts';
import type { ProjectDetailRow, ProjectExceptionRow } from './project.repo.ts';
import type { TaskForceMemberRow } from './task-force.repo.ts';

/** Rows to the API's views (project.schemas.ts lists the fields). */

const core = (p: ProjectDetailRow, lang: Lang) => ({
  id: p.id,
  name: p.name,
  type: p.type,
  typeName: say(PROJECT_TYPE_NAMES[p.type], lang),
  regionCode: p.region_code,
  regionName: p.region_name,
  ownerOrganisation: { id: p.owner_org_id, name: p.owner_org_name },
  deliveryMode: p.delivery_mode,
  deliveryModeName: say(DELIVERY_MODE_NAMES[p.delivery_mode], lang),
  agentBuilder: orgRef(p.agent_builder_id, p.agent_builder_name),
  contractor: orgRef(p.contractor_id, p.contractor_name),
  supervisor: orgRef(p.supervisor_id, p.supervisor_name),
  inspector: orgRef(p.inspector_id, p.inspector_name),
  budgetFen: Number(p.budget_fen),
  startDate: p.start_date,
  deadline: p.deadline,
  stage: p.stage,
  stageName: say(STAGE_NAMES[p.stage], lang),
  calendar: p.calendar_kind,
  calendarName: say(CALENDAR_NAMES[p.calendar_kind], lang),
});

function taskForces(rows: TaskForceMemberRow[], lang: Lang) {
  const out: Array<{
    id: string;
    stage: TaskForceMemberRow['stage'];
    stageName: string;
    name: string;
    members: Array<{
      id: string;
      kind: 'person' | 'user';
      personId: string | null;
      userId: string | null;
      name: string;
      role: 'leader' | 'member';
      roleName: string;
      duty: string | null;
    }>;
  }> = [];
  for (const r of rows) {
    let force = out[out.length - 1];
    if (force?.id !== r.task_force_id) {
      force = {
        id: r.task_force_id,
        stage: r.stage,
        stageName: say(STAGE_NAMES[r.stage], lang),
        name: r.force_name,
        members: [],
      };
      out.push(force);
    }
    if (r.member_id === null || r.role === null) continue;
    force.members.push({
      id: r.member_id,
      kind: r.person_id ? 'person' : 'user',
      personId: r.person_id,
      userId: r.user_id,
      name: r.person_name ?? r.user_name ?? '',
      role: r.role,
      roleName: say(MEMBER_ROLE_NAMES[r.role], lang),
      duty: r.duty,
    });
  }
  return out;
}

type Can = Record<'update' | 'report', boolean>;

export const presentProject = (
  v: { detail: ProjectDetailRow; exceptions: ProjectExceptionRow[]; forces: TaskForceMemberRow[]; can: Can },
  lang: Lang,
) => ({
  ...core(v.detail, lang),
  exceptions: v.exceptions.map((e) => ({ date: e.day, working: e.working, reason: e.reason, kind: e.kind })),
  taskForces: taskForces(v.forces, lang),
  description: v.detail.description,
  createdAt: v.detail.created_at.toISOString(),
  updatedAt: v.detail.updated_at.toISOString(),
  can: v.can,
});
