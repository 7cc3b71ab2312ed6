import { FINDING_ACTIONS, FINDING_STATUSES } from '@gongfu/domain/renewal/finding-status';
import { HAZARD_CATEGORIES, SEVERITIES } from '@gongfu/domain/renewal/rectification';
import { type Static, Type } from 'typebox';
import {
  CodeLabel,
  dateString,
  FileViewSchema,
  Nullable,
  OrgRef,
  uuid,
} from '../../../platform/kit/index.ts';
import { FindingCan } from './finding.policy.ts';
import { ActorView, PhotoList, Text } from './oversight.schemas.ts';

/** Files uploaded first (POST /api/files), attached to the finding or step being recorded. */
const FileIds = (description: string) => Type.Array(uuid('file id'), { maxItems: 20, description });

export const HazardCategorySchema = Type.Enum(HAZARD_CATEGORIES, {
  description:
    'fall_from_height 高处坠落 | temporary_electricity 临时用电 | lifting_machinery 起重机械 | scaffolding 脚手架 | ' +
    'excavation 基坑 | fire 消防 | formwork 模板支撑 | site_order 文明施工 | other 其他',
});

export const SeveritySchema = Type.Enum(SEVERITIES, {
  description:
    'minor 一般 (7 days to rectify) | major 较大 (3 days) | critical 重大 (stop work, 1 day); calendar days',
});

export const FindingStatusSchema = Type.Enum(FINDING_STATUSES, {
  description: 'open 待整改 | replied 已回复待复查 | passed 复查通过 | failed 复查未通过 | closed 已销号',
});

export const FindingActionSchema = Type.Enum(FINDING_ACTIONS, {
  description: 'reply 整改回复 | pass 复查通过 | fail 复查不通过 | close 销号',
});

export const FindingInput = Type.Object(
  {
    category: HazardCategorySchema,
    severity: SeveritySchema,
    location: Text(100, 'where on site, e.g. 3号楼12层东侧临边'),
    description: Text(1000, 'what is wrong'),
    photos: Type.Optional(PhotoList),
    files: Type.Optional(FileIds('photos of the hazard')),
  },
  {
    title: 'FindingInput',
    additionalProperties: false,
    description: 'a finding; its deadline is set from the severity',
  },
);

export const ReplyBody = Type.Object(
  {
    text: Text(2000, '整改情况 what was done'),
    photos: Type.Optional(PhotoList),
    files: Type.Optional(FileIds('整改回复证据 evidence: photos after rectification, documents')),
    repliedOn: Type.Optional(dateString('reply date (default: today), not in the future')),
  },
  { title: 'ReplyBody', additionalProperties: false },
);

export const ReinspectBody = Type.Object(
  {
    result: Type.Union([Type.Literal('pass'), Type.Literal('fail')], {
      description: 'pass 通过 | fail 不通过 (reopens the finding with a new deadline from the severity)',
    }),
    note: Text(2000, '复查意见'),
    photos: Type.Optional(PhotoList),
    files: Type.Optional(FileIds('photos of the re-inspection')),
    inspectedOn: Type.Optional(dateString('re-inspection date (default: today), not in the future')),
  },
  { title: 'ReinspectBody', additionalProperties: false },
);

export const CloseFindingBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    closedOn: Type.Optional(dateString('closure date (default: today), not in the future')),
  },
  { title: 'CloseFindingBody', additionalProperties: false },
);

/** The presenter of a finding. */
export const FindingView = Type.Object(
  {
    id: Type.String(),
    inspectionId: Type.String(),
    seq: Type.Integer({ description: 'number within the visit, from 1' }),
    projectId: Type.String(),
    projectName: Type.String(),
    contractor: Nullable(OrgRef),
    inspectorOrganisation: OrgRef,
    category: HazardCategorySchema,
    categoryName: Type.String(),
    severity: SeveritySchema,
    severityName: Type.String(),
    location: Type.String(),
    description: Type.String(),
    photos: Type.Array(Type.String()),
    foundOn: Type.String(),
    deadline: Type.String({ description: 'last day to rectify (renewed by a failed re-inspection)' }),
    stopWork: Type.Boolean({ description: 'work at the hazard stops until it passes (停工整改)' }),
    rounds: Type.Integer({ description: 'rectification rounds: 1 + failed re-inspections' }),
    status: FindingStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'not closed and past the deadline (Asia/Shanghai today)' }),
    daysOverdue: Type.Integer(),
    closedOn: Nullable(Type.String()),
    allowedActions: Type.Array(FindingActionSchema, { description: 'what the status allows next' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'FindingView' },
);

export const FindingEventView = Type.Object(
  {
    id: Type.String(),
    action: FindingActionSchema,
    actionName: Type.String(),
    actedOn: Type.String(),
    note: Nullable(Type.String()),
    photos: Type.Array(Type.String()),
    files: Type.Array(FileViewSchema, { description: 'evidence attached to this step, with signed links' }),
    newDeadline: Nullable(Type.String()),
    organisation: Nullable(OrgRef),
    actor: Nullable(ActorView),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'FindingEventView' },
);

export const FindingDetail = Type.Object(
  {
    finding: FindingView,
    files: Type.Array(FileViewSchema, { description: 'photos of the hazard, with signed links' }),
    history: Type.Array(FindingEventView, {
      description: 'replies, re-inspections and closure, oldest first',
    }),
    can: FindingCan,
  },
  { title: 'FindingDetail' },
);

/** A row of the findings list: what its table shows (the finding's page has the rest). */
export const FindingListItem = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    contractor: Nullable(OrgRef),
    categoryName: Type.String(),
    severity: SeveritySchema,
    severityName: Type.String(),
    location: Type.String(),
    description: Type.String(),
    foundOn: Type.String(),
    deadline: Type.String({ description: 'last day to rectify (renewed by a failed re-inspection)' }),
    stopWork: Type.Boolean({ description: 'work at the hazard stops until it passes (停工整改)' }),
    status: FindingStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'not closed and past the deadline (Asia/Shanghai today)' }),
    daysOverdue: Type.Integer(),
    allowedActions: Type.Array(FindingActionSchema, { description: 'what the status allows next' }),
  },
  { title: 'FindingListItem' },
);

export const OverdueFindingGroup = Type.Object(
  {
    projectId: Type.String(),
    projectName: Type.String(),
    contractor: Nullable(OrgRef),
    overdueCount: Type.Integer(),
    criticalCount: Type.Integer({ description: 'of which critical (重大)' }),
    findings: Type.Array(FindingView),
  },
  { title: 'OverdueFindingGroup' },
);

export const OverdueFindingsQuery = Type.Object(
  { projectId: Type.Optional(uuid('only this project')) },
  { title: 'OverdueFindingsQuery', additionalProperties: false },
);

export const StatsQuery = Type.Object(
  {
    projectId: Type.Optional(uuid('only this project')),
    contractorId: Type.Optional(uuid('only projects of this contractor')),
    from: Type.Optional(dateString('found on or after')),
    to: Type.Optional(dateString('found on or before')),
  },
  { title: 'StatsQuery', additionalProperties: false },
);

const Count = Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() });

const StatsFields = {
  total: Type.Integer(),
  unclosed: Type.Integer({ description: 'not yet closed (销号)' }),
  closed: Type.Integer(),
  overdue: Type.Integer({ description: 'not closed and past the deadline (Asia/Shanghai today)' }),
  avgDaysToClose: Nullable(
    Type.Number({
      description: 'average calendar days from finding to closure, 1 decimal; null: none closed',
    }),
  ),
  byCategory: Type.Array(Count, { description: 'every category, in the fixed order' }),
  bySeverity: Type.Array(Count),
  byStatus: Type.Array(Count),
};

export const ProjectStatsView = Type.Object(
  {
    asOf: Type.String({ description: 'today (Asia/Shanghai), the day overdue is counted on' }),
    rows: Type.Array(Type.Object({ project: OrgRef, ...StatsFields })),
  },
  { title: 'ProjectStatsView' },
);

/** Per contractor of the projects; `contractor` null groups projects without one. */
export const ContractorStatsView = Type.Object(
  {
    asOf: Type.String(),
    rows: Type.Array(
      Type.Object({
        contractor: Nullable(OrgRef),
        projectCount: Type.Integer(),
        ...StatsFields,
      }),
    ),
  },
  { title: 'ContractorStatsView' },
);

export const InspectionOptionsView = Type.Object(
  {
    categories: Type.Array(CodeLabel),
    severities: Type.Array(
      Type.Object({
        code: SeveritySchema,
        name: Type.String(),
        days: Type.Integer(),
        stopWork: Type.Boolean(),
      }),
    ),
    statuses: Type.Array(CodeLabel),
  },
  { title: 'InspectionOptionsView' },
);

export type FindingInput = Static<typeof FindingInput>;
export type ReplyInput = Static<typeof ReplyBody>;
export type ReinspectInput = Static<typeof ReinspectBody>;
export type CloseFindingInput = Static<typeof CloseFindingBody>;
export type StatsQuery = Static<typeof StatsQuery>;
