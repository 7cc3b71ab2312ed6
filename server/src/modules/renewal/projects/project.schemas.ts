import { type Static, Type } from 'typebox';
import { DateString, dateString, Nullable, OrgRef, Uuid, uuid } from '../../../platform/kit/index.ts';
import {
  CALENDAR_KINDS,
  DELIVERY_MODES,
  EXCEPTION_KINDS,
  PROJECT_TYPES,
  STAGES,
} from '../shared/renewal.tables.ts';
import { ProjectCan } from './project.policy.ts';

export const ProjectTypeSchema = Type.Enum(PROJECT_TYPES, {
  description:
    'housing 住有宜居 | landmark 地标建筑 | future_community 未来社区 | road 道路改造 | old_community 老旧小区改造 | sewage 污水设施 | other 其他',
});
export const DeliveryModeSchema = Type.Enum(DELIVERY_MODES, {
  description: 'full_agency 全代建 | agency 代建 | self_build 自建 | epc EPC总承包',
});
export const StageSchema = Type.Enum(STAGES, {
  description: 'initiation 立项 | design 设计 | construction 施工 | acceptance 竣工验收 | delivered 交付',
});
export const ExceptionKindSchema = Type.Enum(EXCEPTION_KINDS, {
  description:
    'rain 雨天停工 | stoppage 其他停工 (台风、停工令…) | extra_workday 加班/补班; default from working',
});
export const CalendarSchema = Type.Enum(CALENDAR_KINDS, {
  description:
    'calendar-days 日历天 (every day works; the construction default) | workdays 工作日 (Mon–Fri with official holidays and 调休 2024–2026)',
});

const regionCode = (description: string) => Type.String({ pattern: '^[0-9]{2,12}$', description });
const RegionCode = regionCode('GB/T 2260 region code');
const Budget = Type.Integer({
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'budget in integer fen (1 yuan = 100 fen); the web app shows yuan',
});

const ExceptionInput = Type.Object(
  {
    date: DateString,
    working: Type.Boolean({
      description: 'false: no work that day (rain day 雨天, stop-work order 停工); true: extra working day',
    }),
    reason: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(ExceptionKindSchema),
  },
  { additionalProperties: false },
);

const MemberInput = Type.Object(
  {
    personId: Type.Optional(Uuid),
    userId: Type.Optional(Uuid),
    role: Type.Union([Type.Literal('leader'), Type.Literal('member')], {
      description: 'leader 组长 | member 成员',
    }),
    duty: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false, description: 'a person (personId) or an account (userId): exactly one' },
);

const TaskForceInput = Type.Object(
  {
    stage: StageSchema,
    name: Type.String({ minLength: 1, maxLength: 60, description: '工作专班 name, e.g. 主体施工专班' }),
    members: Type.Array(MemberInput, { maxItems: 50 }),
  },
  { additionalProperties: false },
);

const projectFields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  type: ProjectTypeSchema,
  regionCode: RegionCode,
  ownerOrganisationId: uuid('owner department (organisation id)'),
  deliveryMode: DeliveryModeSchema,
  agentBuilderId: Type.Optional(Nullable(Uuid)),
  contractorId: Type.Optional(Nullable(Uuid)),
  supervisorId: Type.Optional(Nullable(Uuid)),
  inspectorId: Type.Optional(Nullable(Uuid)),
  budgetFen: Budget,
  startDate: DateString,
  deadline: dateString('committed deadline (YYYY-MM-DD): the last day work may happen'),
  stage: Type.Optional(StageSchema),
  calendar: Type.Optional(CalendarSchema),
  exceptions: Type.Optional(Type.Array(ExceptionInput, { maxItems: 400 })),
  taskForces: Type.Optional(Type.Array(TaskForceInput, { maxItems: 20 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const CreateProjectBody = Type.Object(projectFields, {
  title: 'CreateProjectBody',
  additionalProperties: false,
});
export type CreateProjectInput = Static<typeof CreateProjectBody>;

export const UpdateProjectBody = Type.Object(
  {
    name: Type.Optional(projectFields.name),
    type: Type.Optional(ProjectTypeSchema),
    regionCode: Type.Optional(RegionCode),
    ownerOrganisationId: Type.Optional(Uuid),
    deliveryMode: Type.Optional(DeliveryModeSchema),
    agentBuilderId: projectFields.agentBuilderId,
    contractorId: projectFields.contractorId,
    supervisorId: projectFields.supervisorId,
    inspectorId: projectFields.inspectorId,
    budgetFen: Type.Optional(Budget),
    startDate: Type.Optional(DateString),
    deadline: Type.Optional(DateString),
    stage: Type.Optional(StageSchema),
    calendar: Type.Optional(CalendarSchema),
    exceptions: projectFields.exceptions,
    taskForces: projectFields.taskForces,
    description: projectFields.description,
  },
  {
    title: 'UpdateProjectBody',
    additionalProperties: false,
    description: 'Only the fields given change; exceptions and taskForces, when given, replace the lists',
  },
);
export type UpdateProjectInput = Static<typeof UpdateProjectBody>;

/** The list's region filter: the projects within this region subtree. */
export const RegionSubtree = regionCode('region subtree (GB/T 2260 code)');

// ---------------------------------------------------------------- views (the presenters)

const ExceptionView = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  reason: Type.String(),
  kind: ExceptionKindSchema,
});

const MemberView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('user')]),
  personId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  name: Type.String(),
  role: Type.Union([Type.Literal('leader'), Type.Literal('member')]),
  roleName: Type.String(),
  duty: Nullable(Type.String()),
});

const TaskForceView = Type.Object({
  id: Type.String(),
  stage: StageSchema,
  stageName: Type.String(),
  name: Type.String(),
  members: Type.Array(MemberView),
});

const projectCore = {
  id: Type.String(),
  name: Type.String(),
  type: ProjectTypeSchema,
  typeName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  ownerOrganisation: OrgRef,
  deliveryMode: DeliveryModeSchema,
  deliveryModeName: Type.String(),
  agentBuilder: Nullable(OrgRef),
  contractor: Nullable(OrgRef),
  supervisor: Nullable(OrgRef),
  inspector: Nullable(OrgRef),
  budgetFen: Type.Integer({ description: 'integer fen' }),
  startDate: Type.String(),
  deadline: Type.String(),
  stage: StageSchema,
  stageName: Type.String(),
  calendar: CalendarSchema,
  calendarName: Type.String(),
};

export const ProjectView = Type.Object(
  {
    ...projectCore,
    exceptions: Type.Array(ExceptionView),
    taskForces: Type.Array(TaskForceView),
    description: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    can: ProjectCan,
  },
  { title: 'ProjectView' },
);

/** A row of the project register (项目台账) as its table shows it; the project's page has the rest. */
export const ProjectListItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    typeName: Type.String(),
    regionName: Type.String(),
    contractorName: Nullable(Type.String({ description: '施工单位' })),
    stage: StageSchema,
    stageName: Type.String(),
    deadline: Type.String({ description: 'committed deadline' }),
    calendar: CalendarSchema,
    scheduled: Type.Boolean({
      description: 'the project has tasks; false: 未排期, the planned finish and delay mean nothing yet',
    }),
    plannedFinish: Nullable(Type.String({ description: 'projectFinish at the latest daily re-plan' })),
    daysLate: Nullable(Type.Integer()),
    progressPercent: Nullable(Type.Number({ description: 'duration-weighted progress, 0–100' })),
    atRisk: Type.Boolean({ description: 'late, or has late or at-risk tasks, at the latest re-plan' }),
    lastReportDate: Nullable(Type.String({ description: 'date of the latest daily report' })),
  },
  { title: 'ProjectListItem' },
);
