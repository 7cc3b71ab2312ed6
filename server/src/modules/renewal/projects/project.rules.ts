import {
  checkDate,
  type Db,
  invalid,
  isSystem,
  ORG_READ,
  type PlatformServices,
  type RequestContext,
  regionInScope,
  regionScope,
} from '../../../platform/kit/index.ts';
import { findOrganisationsByIds, findPersonsByIds, findUsersByIds } from '../shared/reference.repo.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import type { CreateProjectInput } from './project.schemas.ts';
import type { TaskForceInsert } from './task-force.repo.ts';

/** Checks of a project's fields and references, shared by create and update. */

export const ORG_FIELDS = [
  'ownerOrganisationId',
  'agentBuilderId',
  'contractorId',
  'supervisorId',
  'inspectorId',
] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

const ORG_ROLE: Record<OrgField, { zh: string; en: string }> = {
  ownerOrganisationId: { zh: '业主单位', en: 'owner department' },
  agentBuilderId: { zh: '代建单位', en: 'agent builder' },
  contractorId: { zh: '施工单位', en: 'contractor' },
  supervisorId: { zh: '监理单位', en: 'supervisor' },
  inspectorId: { zh: '第三方巡查单位', en: 'third-party inspector' },
};

/**
 * The organisations the caller may pick: those the organisation register shows them (its
 * read scope, by region subtree), which is what the organisation picker lists. Null: any.
 */
export function organisationPickScope(s: PlatformServices, ctx: RequestContext): string[] | null {
  if (isSystem(ctx)) return null;
  if (!ctx.principal) return [];
  return regionScope(s.access.grantsWith(ctx.principal, ORG_READ));
}

export interface OrganisationCheck {
  /** Region subtrees of the organisations the caller may pick (`organisationPickScope`). */
  pickScope: string[] | null;
  /** The project's organisations before an update: keeping one is always allowed. */
  current?: Partial<Record<OrgField, string | null>>;
}

/**
 * Organisations a field names must exist and be active; the owner must be a department or
 * street office the caller may pick (issue 10: an owner outside the caller's scope was accepted
 * and its name shown back). The other parties may come from beyond the caller's regions (a
 * county's project hires a city's contractor), but a message names an organisation only when
 * the caller may see it: one outside the scope is "not found or not yours to choose".
 */
export async function checkOrganisations(
  db: Db,
  refs: Partial<Record<OrgField, string | null | undefined>>,
  check: OrganisationCheck,
): Promise<void> {
  const ids = ORG_FIELDS.map((f) => refs[f]).filter((v): v is string => typeof v === 'string');
  const found = new Map((await findOrganisationsByIds(db, [...new Set(ids)])).map((o) => [o.id, o]));
  for (const field of ORG_FIELDS) {
    const id = refs[field];
    if (typeof id !== 'string') continue;
    const org = found.get(id);
    const role = ORG_ROLE[field];
    const kept = check.current?.[field] === id;
    const visible = org !== undefined && (kept || regionInScope(check.pickScope, org.region_code));
    if (!org || (field === 'ownerOrganisationId' && !visible)) {
      throw invalid(field, {
        zh: `${role.zh}不存在或不在您的数据范围内，请从组织机构中选择`,
        en: `The ${role.en} does not exist or is outside your data scope; choose one from the organisations`,
      });
    }
    const name = { zh: visible ? `「${org.name}」` : '', en: visible ? ` "${org.name}"` : '' };
    if (org.status !== 'active') {
      throw invalid(field, {
        zh: `${role.zh}${name.zh}已撤销，请选择正常状态的单位`,
        en: `The ${role.en}${name.en} is closed; choose an active organisation`,
      });
    }
    if (field === 'ownerOrganisationId' && org.kind !== 'department' && org.kind !== 'street_office') {
      throw invalid(field, {
        zh: `业主单位应为政府部门或街道（${name.zh}不是），请重新选择`,
        en: `The owner must be a government department or street office (${name.en.trim()} is not); choose another`,
      });
    }
  }
}

/** One organisation a field names (responsible unit, issue owner): it must exist and be active. */
export async function checkActiveOrganisation(
  db: Db,
  id: string | null | undefined,
  field: string,
  role: { zh: string; en: string },
): Promise<void> {
  if (!id) return;
  const [org] = await findOrganisationsByIds(db, [id]);
  if (org?.status !== 'active') {
    throw invalid(field, {
      zh: `${role.zh}不存在或已撤销，请从组织机构中选择`,
      en: `The ${role.en} does not exist or is closed; choose one from the organisations`,
    });
  }
}

/** The committed deadline may not come before the start. */
export function checkDates(startDate: string, deadline: string): void {
  checkDate('startDate', startDate);
  checkDate('deadline', deadline);
  if (deadline < startDate) {
    throw invalid('deadline', {
      zh: `承诺完工日期（${deadline}）不能早于开工日期（${startDate}），请调整`,
      en: `The committed deadline (${deadline}) cannot be before the start date (${startDate}); adjust one of them`,
    });
  }
}

/** Calendar exceptions: real dates, each at most once. */
export function normaliseExceptions(list: NonNullable<CreateProjectInput['exceptions']>) {
  const seen = new Set<string>();
  return list.map((e, i) => {
    checkDate(`exceptions.${i}.date`, e.date);
    if (seen.has(e.date)) {
      throw invalid(`exceptions.${i}.date`, {
        zh: `日期 ${e.date} 重复出现在例外日期中，请只保留一条`,
        en: `${e.date} is listed twice in the exceptions; keep one`,
      });
    }
    seen.add(e.date);
    const kind = e.kind ?? (e.working ? 'extra_workday' : 'stoppage');
    if ((kind === 'extra_workday') !== e.working) {
      throw invalid(`exceptions.${i}.kind`, {
        zh: '加班/补班日应为工作日（working 为 true），雨天或其他停工日应为非工作日（working 为 false）',
        en: 'An extra workday must be working (working: true); a rain day or other stoppage must not (working: false)',
      });
    }
    return { day: e.date, working: e.working, reason: e.reason?.trim() ?? '', kind };
  });
}

/**
 * Task forces: each member is a person or an account (exactly one), which must exist; a person
 * must live within the caller's region scope (their names are not shown to those who may not see them).
 */
export async function normaliseTaskForces(
  db: Db,
  scope: RenewalScope,
  list: NonNullable<CreateProjectInput['taskForces']>,
): Promise<TaskForceInsert[]> {
  const personIds = list.flatMap((f) => f.members.flatMap((m) => (m.personId ? [m.personId] : [])));
  const userIds = list.flatMap((f) => f.members.flatMap((m) => (m.userId ? [m.userId] : [])));
  const persons = new Map((await findPersonsByIds(db, [...new Set(personIds)])).map((p) => [p.id, p]));
  const users = new Map((await findUsersByIds(db, [...new Set(userIds)])).map((u) => [u.id, u]));
  return list.map((f, i) => ({
    stage: f.stage,
    name: f.name.trim(),
    members: f.members.map((m, j) => {
      const field = `taskForces.${i}.members.${j}`;
      if ((m.personId === undefined) === (m.userId === undefined)) {
        throw invalid(field, {
          zh: '专班成员请选择一名人员（personId）或一个账号（userId），二者选其一',
          en: 'A task-force member is either a person (personId) or an account (userId): give exactly one',
        });
      }
      if (m.personId !== undefined) {
        const p = persons.get(m.personId);
        if (!p || !(scope.all || regionInScope(scope.regions, p.region_code))) {
          throw invalid(`${field}.personId`, {
            zh: '该人员不存在或不在您的管辖范围内，请重新选择',
            en: 'This person does not exist or is outside your scope; choose another',
          });
        }
      } else if (users.get(m.userId!)?.status !== 'active') {
        throw invalid(`${field}.userId`, {
          zh: '该账号不存在或已停用，请重新选择',
          en: 'This account does not exist or is disabled; choose another',
        });
      }
      return {
        personId: m.personId ?? null,
        userId: m.userId ?? null,
        role: m.role,
        duty: m.duty?.trim() || null,
      };
    }),
  }));
}
