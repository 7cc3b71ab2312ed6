import { creditCodeCheckChar, organizationCodeCheckChar } from '@gongfu/domain/cn/credit-code';
import type { LightMyRequestResponse } from 'fastify';
import type { TestEnv } from '../../../test/harness.ts';

/** A valid unified social credit code (GB 32100 check characters) numbered `n`. */
export function creditCodeFor(n: number, region = '330523', prefix = '91'): string {
  const body8 = String(n).padStart(8, '0');
  const first17 = `${prefix}${region}${body8}${organizationCodeCheckChar(body8)}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface OrgPayload {
  name: string;
  kind: string;
  regionCode: string;
  parentId?: string | null;
  creditCode?: string | null;
  address?: string | null;
}

export const postOrg = (env: TestEnv, cookie: string, payload: OrgPayload, lang?: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/orgs',
    headers: { cookie, ...(lang ? { 'accept-language': lang } : {}) },
    payload,
  });

export const patchOrg = (env: TestEnv, cookie: string, id: string, payload: Record<string, unknown>) =>
  env.app.inject({ method: 'PATCH', url: `/api/orgs/${id}`, headers: { cookie }, payload });

export const getJson = (env: TestEnv, cookie: string, url: string) =>
  env.app.inject({ method: 'GET', url, headers: { cookie } });

/** Creates an organisation through the API and returns its id; fails the test on anything but 201. */
export async function createdId(res: Promise<LightMyRequestResponse>): Promise<string> {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`expected 201, got ${r.statusCode}: ${r.body}`);
  return (r.json() as { id: string }).id;
}
