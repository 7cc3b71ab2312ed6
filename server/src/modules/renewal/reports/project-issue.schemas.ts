import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, uuid } from '../../../platform/kit/index.ts';
import { SeveritySchema } from './daily-report.schemas.ts';
import { IssueCan } from './project-issue.policy.ts';

export const IssueStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('resolved')], {
  description: 'open 待解决 | resolved 已解决',
});

export const IssueFromProblemBody = Type.Object(
  {
    title: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'default: the problem text' }),
    ),
    ownerOrganisationId: Type.Optional(
      Nullable(uuid('organisation that must resolve it (default: the project’s contractor)')),
    ),
    dueDate: Type.Optional(
      dateString('due date (default by severity: critical 1 day, major 3 days, minor 7 days from today)'),
    ),
  },
  { title: 'IssueFromProblemBody', additionalProperties: false },
);
export type IssueFromProblemInput = Static<typeof IssueFromProblemBody>;

export const UpdateIssueBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ownerOrganisationId: Type.Optional(Nullable(uuid('owner organisation id'))),
    dueDate: Type.Optional(dateString('due date')),
    status: Type.Optional(IssueStatusSchema),
    resolution: Type.Optional(
      Nullable(Type.String({ maxLength: 2000, description: 'how it was resolved; required to resolve' })),
    ),
  },
  { title: 'UpdateIssueBody', additionalProperties: false },
);
export type UpdateIssueInput = Static<typeof UpdateIssueBody>;

export const IssueView = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    reportId: Nullable(Type.String()),
    reportDate: Nullable(Type.String()),
    problemNo: Nullable(Type.Integer()),
    title: Type.String(),
    severity: SeveritySchema,
    severityName: Type.String(),
    ownerOrganisation: Nullable(OrgRef),
    dueDate: Type.String(),
    status: IssueStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'open and past its due date' }),
    resolution: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    can: IssueCan,
  },
  { title: 'IssueView' },
);

/** An issue as the issues table shows it. */
export const IssueItem = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    reportDate: Nullable(Type.String({ description: 'date of the daily report it was raised from' })),
    problemNo: Nullable(Type.Integer()),
    title: Type.String(),
    severity: SeveritySchema,
    severityName: Type.String(),
    ownerOrganisationName: Nullable(Type.String()),
    dueDate: Type.String(),
    status: IssueStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'open and past its due date' }),
    resolution: Nullable(Type.String()),
  },
  { title: 'IssueItem' },
);

export const IssueParams = Type.Object(
  { id: uuid('issue id') },
  { title: 'IssueParams', additionalProperties: false },
);
