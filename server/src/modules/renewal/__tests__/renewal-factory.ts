import type { LightMyRequestResponse } from 'fastify';
import { createOrganisation, type OrganisationKind, systemContext } from '../../../platform/kit/index.ts';
import { type Config, creditCodeFor, defaultSecurity } from '../../../platform/kit/testing.ts';
import type { TestEnv } from '../../../test/harness.ts';

/** Test data for the renewal module: organisations, accounts and projects made through the real services. */

let orgNo = 1000;

export async function org(
  env: TestEnv,
  name: string,
  kind: OrganisationKind,
  regionCode: string,
): Promise<string> {
  const needsCode = kind === 'enterprise' || kind === 'contractor';
  const row = await createOrganisation(env.services, systemContext('test'), {
    name,
    kind,
    regionCode,
    parentId: null,
    creditCode: needsCode ? creditCodeFor(++orgNo, regionCode.slice(0, 6).padEnd(6, '0')) : null,
  });
  return row.id;
}

export interface World {
  anjiDept: string;
  tiantaiDept: string;
  contractor: string;
  otherContractor: string;
  agent: string;
  supervisor: string;
  inspector: string;
  /** Session cookies. */
  anji: string;
  tiantai: string;
  leader: string;
  partner: string;
  otherPartner: string;
  admin: string;
}

/** Organisations and accounts most renewal tests need, once per database. */
export async function makeWorld(env: TestEnv, tag: string): Promise<World> {
  const anjiDept = await org(env, `安吉县住建局${tag}`, 'department', '330523');
  const tiantaiDept = await org(env, `天台县交通运输局${tag}`, 'department', '331023');
  const contractor = await org(env, `湖州测试建工${tag}有限公司`, 'contractor', '3305');
  const otherContractor = await org(env, `台州测试路桥${tag}有限公司`, 'contractor', '3310');
  const agent = await org(env, `安吉测试城投${tag}有限公司`, 'enterprise', '330523');
  const supervisor = await org(env, `浙江测试监理${tag}有限公司`, 'enterprise', '330523');
  const inspector = await org(env, `浙江测试安全咨询${tag}`, 'inspector', '330523');
  return {
    anjiDept,
    tiantaiDept,
    contractor,
    otherContractor,
    agent,
    supervisor,
    inspector,
    anji: await env.userWith('staff', { regionCode: '330523', programmes: ['renewal'] }, `anji.${tag}`),
    tiantai: await env.userWith('staff', { regionCode: '331023', programmes: ['renewal'] }, `tiantai.${tag}`),
    leader: await env.userWith('leader', { regionCode: '33' }, `leader.${tag}`),
    partner: await env.userWith('partner', { organisationId: contractor }, `partner.${tag}`),
    otherPartner: await env.userWith('partner', { organisationId: otherContractor }, `partner2.${tag}`),
    admin: await env.userWith('sysadmin', {}, `admin.${tag}`),
  };
}

export const call = (
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  lang?: string,
): Promise<LightMyRequestResponse> =>
  env.app.inject({
    method,
    url,
    headers: { cookie, ...(lang ? { 'accept-language': lang } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

/** The JSON body of a response with the expected status; fails the test with the body otherwise. */
export async function expectStatus<T = Record<string, unknown>>(
  res: Promise<LightMyRequestResponse> | LightMyRequestResponse,
  status: number,
): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return (r.body ? r.json() : undefined) as T;
}

export interface ProjectInput {
  name?: string;
  regionCode?: string;
  startDate?: string;
  deadline?: string;
  calendar?: 'calendar-days' | 'workdays';
  stage?: string;
  contractorId?: string | null;
  agentBuilderId?: string | null;
  [k: string]: unknown;
}

export async function createProject(env: TestEnv, cookie: string, w: World, p: ProjectInput = {}) {
  const body = {
    name: p.name ?? '测试项目',
    type: 'housing',
    regionCode: p.regionCode ?? '330523001',
    ownerOrganisationId: p.regionCode?.startsWith('331023') ? w.tiantaiDept : w.anjiDept,
    deliveryMode: 'full_agency',
    agentBuilderId: w.agent,
    contractorId: w.contractor,
    supervisorId: w.supervisor,
    inspectorId: w.inspector,
    budgetFen: 123_456_789_00,
    startDate: '2026-03-02',
    deadline: '2026-06-30',
    stage: 'construction',
    ...p,
  };
  return expectStatus<{ id: string } & Record<string, unknown>>(
    call(env, cookie, 'POST', '/api/renewal/projects', body),
    201,
  );
}

export async function addTask(
  env: TestEnv,
  cookie: string,
  projectId: string,
  name: string,
  duration: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const r = await expectStatus<{ id: string }>(
    call(env, cookie, 'POST', `/api/renewal/projects/${projectId}/tasks`, { name, duration, ...extra }),
    201,
  );
  return r.id;
}

export async function addLink(
  env: TestEnv,
  cookie: string,
  projectId: string,
  from: string,
  to: string,
  type = 'FS',
  lag = 0,
): Promise<string> {
  const r = await expectStatus<{ id: string }>(
    call(env, cookie, 'POST', `/api/renewal/projects/${projectId}/links`, { from, to, type, lag }),
    201,
  );
  return r.id;
}

/** Sets the test clock to 09:00 on the day (Asia/Shanghai). Tests that move it use LONG_SESSIONS. */
export const setToday = (env: TestEnv, date: string) => env.clock.set(new Date(`${date}T01:00:00Z`));

/** Sessions that outlive the test clock's jumps across days. */
export const LONG_SESSIONS: Partial<Config> = {
  security: { ...defaultSecurity, sessionIdleMinutes: 60 * 24 * 400, sessionAbsoluteHours: 24 * 400 },
};
