import { type Static, Type } from 'typebox';
import { pageQueryFields } from '../http/pagination.ts';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const NotificationParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: 'notification id' }) },
  { title: 'NotificationParams', additionalProperties: false },
);

export const NotificationListQuery = Type.Object(
  {
    unreadOnly: Type.Optional(Type.Boolean({ description: 'only unread notifications' })),
    ...pageQueryFields,
  },
  { title: 'NotificationListQuery', additionalProperties: false },
);
export type NotificationListQueryT = Static<typeof NotificationListQuery>;

export const NotificationView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'e.g. renewal.finding.overdue' }),
    title: Type.String({ description: 'in the caller’s language' }),
    body: Type.String(),
    link: Type.Union([Type.String({ description: 'path in the web app' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'NotificationView' },
);

export const NotificationPage = Type.Object(
  {
    items: Type.Array(NotificationView, { description: 'unread first, newest first' }),
    total: Type.Integer({ description: 'matching notifications in all pages' }),
    unread: Type.Integer({ description: 'all my unread notifications' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'NotificationPage' },
);

export const UnreadCount = Type.Object({ count: Type.Integer() }, { title: 'UnreadCount' });
export const ReadAllResult = Type.Object(
  {
    updated: Type.Integer({ description: 'notifications marked read' }),
  },
  { title: 'ReadAllResult' },
);
