import type { Lang } from '../http/errors.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { type Db, appendAudit } from './audit.repo.ts';

/** Who is acting, from where: built once per request. */
export interface RequestContext {
  principal: Principal | null;
  requestId: string;
  ip: string | null;
  lang: Lang;
  /** Set for work the system does itself (CLI, start-up, demo data). */
  systemActor?: string;
}

export interface AuditEvent {
  action: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Masked snapshots: never pass raw personal data here. */
  before?: unknown;
  after?: unknown;
  outcome?: 'ok' | 'denied' | 'failed';
  /** For events before a principal exists (login attempts). */
  actorName?: string | undefined;
  actorId?: string | undefined;
}

export type AuditFn = (e: AuditEvent) => Promise<void>;

export function auditRow(clock: Clock, ctx: RequestContext, e: AuditEvent) {
  return {
    at: clock.now(),
    actor_id: e.actorId ?? ctx.principal?.userId ?? null,
    actor_name: e.actorName ?? ctx.principal?.username ?? ctx.systemActor ?? null,
    action: e.action,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    request_id: ctx.requestId,
    ip: ctx.ip,
    outcome: e.outcome ?? 'ok',
  } as const;
}

/**
 * Every write goes through here: the work and its audit entries commit together or not
 * at all (Decidim traceability). `fn` receives the transaction and a bound audit function.
 */
export function makeWriter(db: Db, clock: Clock) {
  return async function write<T>(ctx: RequestContext, fn: (tx: Db, audit: AuditFn) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      const audit: AuditFn = async (e) => {
        await appendAudit(tx, auditRow(clock, ctx, e));
      };
      return fn(tx, audit);
    });
  };
}

export type Writer = ReturnType<typeof makeWriter>;
