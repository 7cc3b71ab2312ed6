import { Type } from 'typebox';
import type { GongfuApp, PlatformServices } from '../../platform/module/app-types.ts';
import { CreateNoticeBody, NoticeView } from './notice.schemas.ts';
import { listVisibleNotices, publishNotice } from './notice.service.ts';

const present = (
  r: { id: string; title: string; body: string; region_code: string; published_at: Date },
  regionName: string,
) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  regionCode: r.region_code,
  regionName,
  publishedAt: r.published_at.toISOString(),
});

export function noticeRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/notices',
    {
      config: { access: { permission: 'notice.read' } },
      schema: {
        tags: ['notices'],
        summary: '工作通知列表 Work notices in my scope',
        response: { 200: Type.Array(NoticeView) },
      },
    },
    async (req) => (await listVisibleNotices(s, req.ctx)).map((r) => present(r, r.region_name)),
  );
  app.post(
    '/api/notices',
    {
      config: { access: { permission: 'notice.publish' } },
      schema: {
        tags: ['notices'],
        summary: '发布工作通知 Publish a work notice',
        body: CreateNoticeBody,
        response: { 201: NoticeView },
      },
    },
    async (req, reply) => {
      const row = await publishNotice(s, req.ctx, req.body);
      reply.status(201);
      return present(row, '');
    },
  );
}
