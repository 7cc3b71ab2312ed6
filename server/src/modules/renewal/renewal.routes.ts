import { Type } from 'typebox';
import { CodeLabel, type GongfuApp, labelList, type PlatformServices } from '../../platform/kit/index.ts';
import { calendarExceptionRoutes } from './projects/calendar-exception.routes.ts';
import { projectRoutes } from './projects/project.routes.ts';
import { scheduleRoutes } from './projects/schedule.routes.ts';
import { taskRoutes } from './projects/task.routes.ts';
import { dailyReportRoutes } from './reports/daily-report.routes.ts';
import { projectIssueRoutes } from './reports/project-issue.routes.ts';
import {
  CALENDAR_NAMES,
  DELIVERY_MODE_NAMES,
  ISSUE_STATUS_NAMES,
  LINK_TYPE_NAMES,
  MEMBER_ROLE_NAMES,
  PROJECT_TYPE_NAMES,
  SEVERITY_NAMES,
  STAGE_NAMES,
  WEATHER_NAMES,
} from './shared/renewal.labels.ts';
import { RENEWAL_READ } from './shared/renewal.scope.ts';

const Labels = Type.Array(CodeLabel);

export const MetaView = Type.Object({
  projectTypes: Labels,
  deliveryModes: Labels,
  stages: Labels,
  calendars: Labels,
  linkTypes: Labels,
  weathers: Labels,
  severities: Labels,
  memberRoles: Labels,
  issueStatuses: Labels,
});

/** Every route of the renewal module's core (the daily re-plan is a manifest schedule). */
export function renewalRoutes(app: GongfuApp, s: PlatformServices): void {
  app.get(
    '/api/renewal/meta',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags: ['renewal'],
        summary: '代码与名称 Codes of the renewal module with their labels in my language',
        response: { 200: MetaView },
      },
    },
    async (req) => {
      const lang = req.ctx.lang;
      return {
        projectTypes: labelList(PROJECT_TYPE_NAMES, lang),
        deliveryModes: labelList(DELIVERY_MODE_NAMES, lang),
        stages: labelList(STAGE_NAMES, lang),
        calendars: labelList(CALENDAR_NAMES, lang),
        linkTypes: labelList(LINK_TYPE_NAMES, lang),
        weathers: labelList(WEATHER_NAMES, lang),
        severities: labelList(SEVERITY_NAMES, lang),
        memberRoles: labelList(MEMBER_ROLE_NAMES, lang),
        issueStatuses: labelList(ISSUE_STATUS_NAMES, lang),
      };
    },
  );
  projectRoutes(app, s);
  calendarExceptionRoutes(app, s);
  scheduleRoutes(app, s);
  taskRoutes(app, s);
  dailyReportRoutes(app, s);
  projectIssueRoutes(app, s);
}
