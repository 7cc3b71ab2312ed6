import type { Lang } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import type { NotificationRow } from './notification.repo.ts';
import {
  NotificationListQuery,
  NotificationPage,
  NotificationParams,
  NotificationView,
  ReadAllResult,
  UnreadCount,
} from './notification.schemas.ts';
import {
  listMyNotifications,
  myUnreadCount,
  readAllNotifications,
  readNotification,
} from './notification.service.ts';

const tags = ['notifications'];
const signedIn = { access: { authenticated: true as const } };

export const presentNotification = (n: NotificationRow, lang: Lang) => ({
  id: n.id,
  kind: n.kind,
  title: lang === 'en' ? n.title_en : n.title_zh,
  body: lang === 'en' ? n.body_en : n.body_zh,
  link: n.link,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at ? n.read_at.toISOString() : null,
});

/** The caller's own notifications (站内消息). */
export function notificationRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/notifications',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '我的消息（未读在前） My notifications, unread first',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => {
      const r = await listMyNotifications(s, req.ctx, req.query);
      return {
        items: r.rows.map((n) => presentNotification(n, req.ctx.lang)),
        total: r.total,
        unread: r.unread,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '未读消息数 How many of my notifications are unread',
        response: { 200: UnreadCount },
      },
    },
    async (req) => ({ count: await myUnreadCount(s, req.ctx) }),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '全部标为已读 Mark all my notifications read',
        response: { 200: ReadAllResult },
      },
    },
    async (req) => ({ updated: await readAllNotifications(s, req.ctx) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '标为已读 Mark one of my notifications read',
        params: NotificationParams,
        response: { 200: NotificationView },
      },
    },
    async (req) => presentNotification(await readNotification(s, req.ctx, req.params.id), req.ctx.lang),
  );
}
