import { splitIsoDate } from '@gongfu/domain/cn/dates';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { SHANGHAI_OFFSET_MS } from '../clock.ts';
import { type Bilingual, invalid, type Lang } from '../http/errors.ts';
import { pageWindow } from '../http/pagination.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { assertMayReadAudit } from './audit.policy.ts';
import { appendAudit, type Db, searchAudit } from './audit.repo.ts';
import { readAnchors } from './audit-anchor.ts';
import { describeIntegrity, verifyAuditIntegrity } from './audit-verify.ts';

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
  return async function write<T>(
    ctx: RequestContext,
    fn: (tx: Db, audit: AuditFn) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (tx) => {
      const audit: AuditFn = async (e) => {
        await appendAudit(tx, auditRow(clock, ctx, e));
      };
      return fn(tx, audit);
    });
  };
}

export type Writer = ReturnType<typeof makeWriter>;

/** Search filters as the API receives them: dates are calendar days in Asia/Shanghai. */
export interface AuditSearchInput {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const DAY_MS = 86_400_000;

/** The instant a YYYY-MM-DD day begins in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiDayStart(date: string, field: string): Date {
  const d = splitIsoDate(date);
  if (!d) {
    throw invalid(field, {
      zh: `「${field}」应为有效日期，格式 YYYY-MM-DD，例如 2026-03-02`,
      en: `"${field}" must be a real date as YYYY-MM-DD, e.g. 2026-03-02`,
    });
  }
  return new Date(Date.UTC(d.year, d.month - 1, d.day) - SHANGHAI_OFFSET_MS);
}

export async function searchAuditLog(s: PlatformServices, ctx: RequestContext, q: AuditSearchInput) {
  assertMayReadAudit(s, ctx);
  const from = q.from ? shanghaiDayStart(q.from, 'from') : undefined;
  const toDay = q.to ? shanghaiDayStart(q.to, 'to') : undefined;
  if (from && toDay && toDay < from) {
    throw invalid('to', {
      zh: '结束日期不能早于开始日期',
      en: 'The end date cannot be before the start date',
    });
  }
  const { page, pageSize, offset, limit } = pageWindow(q);
  const blank = (v: string | undefined) => v?.trim() || undefined;
  const { rows, total } = await searchAudit(s.db, {
    actor: blank(q.actor),
    action: blank(q.action),
    entityType: blank(q.entityType),
    entityId: blank(q.entityId),
    outcome: q.outcome,
    from,
    // the whole "to" day is included
    to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
    limit,
    offset,
  });
  return { rows, total, page, pageSize };
}

const REASONS: Record<'link' | 'content', Bilingual> = {
  link: {
    zh: '与上一条记录的链接不符：其前有记录被删除、插入或改动',
    en: 'Link to the previous entry does not match: an entry before it was deleted, inserted or changed',
  },
  content: {
    zh: '记录内容与其哈希不符：该记录被篡改',
    en: 'Content does not match its hash: this entry was altered',
  },
};

/**
 * Recomputes the whole hash chain, checks the sequence numbers and, when the server anchors
 * the chain's head outside the database, the anchors; records that it was checked and what
 * was found.
 */
export async function verifyAuditLog(s: PlatformServices, ctx: RequestContext) {
  assertMayReadAudit(s, ctx);
  const file = s.config.auditAnchors?.file;
  const r = await verifyAuditIntegrity(s.db, file ? await readAnchors(file) : []);
  const c = r.chain;
  const findings = describeIntegrity(r);
  const en = ctx.lang === 'en';
  const result = r.ok
    ? { ok: true, entries: c.entries }
    : {
        ok: false,
        entries: c.entries,
        ...(c.ok ? {} : { brokenId: c.brokenId }),
        reason: [...(c.ok ? [] : [REASONS[c.kind]]), ...findings].map((t) => (en ? t.en : t.zh)).join('; '),
      };
  await s.write(ctx, (_tx, audit) =>
    audit({
      action: 'audit.verify',
      entityType: 'audit_log',
      outcome: r.ok ? 'ok' : 'failed',
      after: r.ok
        ? { ok: true, entries: c.entries, anchorsChecked: r.anchorsChecked }
        : {
            ok: false,
            entries: c.entries,
            ...(c.ok ? {} : { brokenId: c.brokenId, reason: c.reason }),
            findings: findings.map((t) => t.en),
          },
    }),
  );
  return result;
}
