import { type DemoContext, defineModule, type ModuleManifest } from '../../../../platform/kit/index.ts';
import type { TestEnv } from '../../../../test/harness.ts';
import { call, expectStatus, type World } from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { oversightParts } from '../index.ts';
import { OVERSIGHT_READ } from '../oversight.scope.ts';

/**
 * The renewal module with the oversight parts wired in, for tests: the real manifest when it
 * already spreads them (its permissions include renewal.oversight.read), otherwise a
 * test-only manifest that adds them the same way.
 */
export const oversightTestModule: ModuleManifest = renewalModule.permissions?.some(
  (p) => p.key === OVERSIGHT_READ,
)
  ? renewalModule
  : defineModule({
      ...renewalModule,
      permissions: [...(renewalModule.permissions ?? []), ...oversightParts.permissions],
      migrations: { ...renewalModule.migrations, ...oversightParts.migrations },
      routes: async (app, s) => {
        await renewalModule.routes?.(app, s);
        oversightParts.routes(app, s);
      },
      menu: [...(renewalModule.menu ?? []), ...oversightParts.menu],
      demo: async (ctx: DemoContext) => {
        await renewalModule.demo?.(ctx);
        await oversightParts.demo(ctx);
      },
    });

/** Audit actions recorded for an entity, oldest first. */
export const auditOf = async (env: TestEnv, entityId: string) =>
  (
    await env.services.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

/** A partner account of an organisation; returns its session cookie. */
export const partnerOf = (env: TestEnv, organisationId: string, username: string) =>
  env.userWith('partner', { organisationId }, username);

/** POST/GET helpers returning the body of the expected status. */
export const post = <T = Record<string, unknown>>(
  env: TestEnv,
  cookie: string,
  url: string,
  body: unknown,
  status = 200,
) => expectStatus<T>(call(env, cookie, 'POST', url, body), status);
export const get = <T = Record<string, unknown>>(env: TestEnv, cookie: string, url: string, status = 200) =>
  expectStatus<T>(call(env, cookie, 'GET', url), status);

export type { World };
