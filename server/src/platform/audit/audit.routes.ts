import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { AuditPage, AuditSearchQuery, AuditVerifyView } from './audit.schemas.ts';
import { searchAuditLog, verifyAuditLog } from './audit.service.ts';

const tags = ['audit'];
const access = { access: { permission: 'audit.read' } };

export function auditRoutes(app: GongfuApp, s: PlatformServices) {
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
      return {
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        items: r.rows.map((e) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          actorName: e.actor_name,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
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
