import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { AuditPage, AuditSearchQuery, AuditVerifyView } from './audit.schemas.ts';
import { searchAuditLog, verifyAuditLog } from './audit.service.ts';
import { type AuditLabels, labelEntries } from './audit-labels.ts';

const tags = ['audit'];
const access = { access: { permission: 'audit.read' } };

export function auditRoutes(app: GongfuApp, s: PlatformServices, labels: AuditLabels) {
  app.get(
    '/api/audit',
    {
      config: access,
      schema: {
        tags,
        summary: '审计日志查询 Search the audit log',
        querystring: AuditSearchQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const r = await searchAuditLog(s, req.ctx, req.query);
      const named = await labelEntries(s.db, labels, r.rows, req.ctx.lang);
      return {
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        items: r.rows.map((e, i) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          actorName: e.actor_name,
          action: e.action,
          actionName: named[i]!.actionName,
          entityType: e.entity_type,
          entityTypeName: named[i]!.entityTypeName,
          entityId: e.entity_id,
          entityName: named[i]!.entityName,
          before: e.before ?? null,
          after: e.after ?? null,
          requestId: e.request_id,
          ip: e.ip,
          outcome: e.outcome,
          hash: e.hash,
        })),
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: access,
      schema: {
        tags,
        summary: '校验审计日志哈希链 Verify the audit hash chain',
        response: { 200: AuditVerifyView },
      },
    },
    async (req) => verifyAuditLog(s, req.ctx),
  );
}
