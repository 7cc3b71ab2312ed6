import { Type } from 'typebox';
import { pageOf, pageQueryFields } from '../http/pagination.ts';

const Outcome = Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]);
const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'YYYY-MM-DD, a day in Asia/Shanghai',
});

export const AuditSearchQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64, description: 'part of the actor username' })),
    action: Type.Optional(
      Type.String({ maxLength: 64, description: 'action prefix, e.g. user. or auth.login' }),
    ),
    entityType: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 200 })),
    outcome: Type.Optional(Outcome),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    ...pageQueryFields,
  },
  { title: 'AuditSearchQuery', additionalProperties: false },
);

/** The presenter of one audit entry. */
export const AuditEntryView = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorName: Type.Union([Type.String(), Type.Null()]),
    /** The action's code, e.g. renewal.project.create (the search filter matches its prefix). */
    action: Type.String(),
    actionName: Type.String({
      description: 'the action in words, in the caller’s language (the code if unlabelled)',
    }),
    entityType: Type.Union([Type.String(), Type.Null()]),
    entityTypeName: Type.Union([Type.String(), Type.Null()], {
      description: 'the kind of record in words (the code if unlabelled)',
    }),
    entityId: Type.Union([Type.String(), Type.Null()]),
    entityName: Type.Union([Type.String(), Type.Null()], {
      description: 'the record’s name where known: its current name, else the one its snapshot holds',
    }),
    /** Masked snapshots, as written. */
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    outcome: Outcome,
    hash: Type.String(),
  },
  { title: 'AuditEntryView' },
);

export const AuditPage = pageOf(AuditEntryView);

export const AuditVerifyView = Type.Object(
  {
    ok: Type.Boolean(),
    /** Entries checked and found intact (before the first broken one). */
    entries: Type.Integer(),
    brokenId: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
  },
  { title: 'AuditVerifyView' },
);
