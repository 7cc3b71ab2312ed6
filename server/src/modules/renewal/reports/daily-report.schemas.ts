import { type Static, Type } from 'typebox';
import {
  dateString,
  FileViewSchema,
  Nullable,
  OrgRef,
  pageQueryFields,
  uuid,
} from '../../../platform/kit/index.ts';
import { SEVERITIES, WEATHERS } from '../shared/renewal.tables.ts';
import { ReportCan } from './daily-report.policy.ts';

export const WeatherSchema = Type.Enum(WEATHERS, {
  description:
    'sunny 晴 | cloudy 多云 | overcast 阴 | rain 雨 | heavy_rain 暴雨 | snow 雪 | wind 大风 | heat 高温 | fog 雾霾',
});
export const SeveritySchema = Type.Enum(SEVERITIES, {
  description: 'minor 一般 | major 较重 | critical 严重',
});

export const ReportParams = Type.Object(
  { id: uuid('report id') },
  { title: 'ReportParams', additionalProperties: false },
);
export const ProblemParams = Type.Object(
  {
    id: uuid('report id'),
    n: Type.Integer({ minimum: 1, maximum: 50, description: 'problem number, from 1' }),
  },
  { title: 'ProblemParams', additionalProperties: false },
);

const ProgressInput = Type.Object(
  {
    taskId: uuid('task id (a work task, not a summary)'),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'percent complete' })),
    startedOn: Type.Optional(dateString('day the task started (on or before the report date)')),
    finishedOn: Type.Optional(dateString('day the task finished (on or before the report date)')),
    remainingDays: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3650,
        description: 'working days still needed, counting the report date; 0: finished',
      }),
    ),
  },
  { additionalProperties: false },
);

const MachineryInput = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 30, description: 'e.g. 塔吊, 挖掘机, 混凝土泵车' }),
    count: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);

const ProblemInput = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 500 }), severity: SeveritySchema },
  { additionalProperties: false },
);

const PhotoInput = Type.Object(
  {
    fileId: uuid('the photo, uploaded first with POST /api/files (JPEG, PNG or WebP)'),
    description: Type.Optional(Type.String({ maxLength: 200, description: 'caption, e.g. 1#楼 10层 浇筑' })),
  },
  { additionalProperties: false },
);

const reportFields = {
  weather: WeatherSchema,
  workersOnSite: Type.Integer({ minimum: 0, maximum: 100_000 }),
  machinery: Type.Optional(Type.Array(MachineryInput, { maxItems: 50 })),
  progress: Type.Optional(Type.Array(ProgressInput, { maxItems: 2000 })),
  problems: Type.Optional(Type.Array(ProblemInput, { maxItems: 50 })),
  photos: Type.Optional(Type.Array(PhotoInput, { maxItems: 50 })),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  rainDay: Type.Optional(
    Type.Boolean({
      description:
        'count the report day as a rain day 雨天停工 (weather rain or heavy_rain only): adds a calendar exception and re-plans',
    }),
  ),
};

export const FileReportBody = Type.Object(
  { date: Type.Optional(dateString('report date (default today); not in the future')), ...reportFields },
  { title: 'FileReportBody', additionalProperties: false },
);
export type FileReportInput = Static<typeof FileReportBody>;

export const AmendReportBody = Type.Object(reportFields, {
  title: 'AmendReportBody',
  additionalProperties: false,
  description: 'Replaces the report’s content; allowed on the day it was filed',
});
export type AmendReportInput = Static<typeof AmendReportBody>;

export const MissingQuery = Type.Object(
  {
    date: Type.Optional(dateString('the day (default today)')),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: 'region subtree' })),
    ...pageQueryFields,
  },
  { title: 'MissingQuery', additionalProperties: false },
);
export type MissingQueryT = Static<typeof MissingQuery>;

// ---------------------------------------------------------------- views

const Filer = Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) });

export const ReportView = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    date: Type.String(),
    weather: WeatherSchema,
    weatherName: Type.String(),
    workersOnSite: Type.Integer(),
    machinery: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
    progress: Type.Array(
      Type.Object({
        taskId: Type.String(),
        wbsCode: Nullable(Type.String()),
        taskName: Type.String(),
        percent: Nullable(Type.Integer()),
        startedOn: Nullable(Type.String()),
        finishedOn: Nullable(Type.String()),
        remainingDays: Nullable(Type.Integer()),
      }),
    ),
    problems: Type.Array(
      Type.Object({
        n: Type.Integer({ description: 'problem number, from 1' }),
        text: Type.String(),
        severity: SeveritySchema,
        severityName: Type.String(),
        issueId: Nullable(Type.String({ description: 'the tracked issue made of this problem' })),
      }),
    ),
    photos: Type.Array(
      Type.Object({
        description: Type.String({ description: 'caption' }),
        file: Nullable(FileViewSchema),
      }),
    ),
    notes: Nullable(Type.String()),
    filedBy: Filer,
    filedAt: Type.String({ format: 'date-time' }),
    amendedBy: Filer,
    amendedAt: Nullable(Type.String({ format: 'date-time' })),
    amendable: Type.Boolean({ description: 'filed today: may still be amended' }),
    rainDay: Type.Boolean({ description: 'the report day is a rain day (no work) on the project calendar' }),
    can: ReportCan,
  },
  { title: 'ReportView' },
);

export const ReportListItem = Type.Object(
  {
    id: Type.String(),
    date: Type.String(),
    weatherName: Type.String(),
    workersOnSite: Type.Integer(),
    machineryCount: Type.Integer({ description: 'machines on site, all types' }),
    progressCount: Type.Integer({ description: 'tasks with progress in the report' }),
    problemCount: Type.Integer(),
    photoCount: Type.Integer(),
    filedByName: Nullable(Type.String()),
    filedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ReportListItem' },
);

export const MissingItem = Type.Object(
  {
    projectId: Type.String(),
    projectName: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    contractor: Nullable(OrgRef),
    lastReportDate: Nullable(Type.String({ description: 'latest report before the day' })),
  },
  { title: 'MissingItem' },
);

export const MissingPage = Type.Object(
  {
    date: Type.String(),
    items: Type.Array(MissingItem),
    total: Type.Integer({ description: 'projects missing the day’s report in all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'MissingPage' },
);
