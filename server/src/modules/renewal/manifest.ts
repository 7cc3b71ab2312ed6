import {
  defineModule,
  type MenuEntry,
  type ModuleManifest,
  type PermissionDef,
} from '../../platform/kit/index.ts';
import { ballotsPart } from './ballots/index.ts';
import { communitiesPart } from './communities/index.ts';
import { oversight } from './oversight/index.ts';
import { seedRenewalDemo } from './projects/demo/renewal.demo.ts';
import * as m0001 from './projects/migrations/0001-projects.ts';
import * as m0004 from './projects/migrations/0004-exception-kinds.ts';
import * as m0010 from './projects/migrations/0010-project-list.ts';
import { projectList } from './projects/project.list.ts';
import { replanSchedule } from './projects/replan.job.ts';
import { taskExcel } from './projects/task.excel.ts';
import { renewalMetrics } from './renewal.metrics.ts';
import { renewalRoutes } from './renewal.routes.ts';
import { dailyReportExcel } from './reports/daily-report.list.ts';
import { issueList } from './reports/project-issue.list.ts';
import { renewalAudit } from './shared/renewal.audit.ts';
import { renewalExports } from './shared/renewal.exports.ts';
import { RENEWAL_READ, RENEWAL_REPORT, RENEWAL_WRITE } from './shared/renewal.scope.ts';

// ── Parts built in their own folders (see renewal.part.ts) ───────────────────────────────
// oversight/ (督查例会, 第三方安全巡查, 夜间施工), communities/ (老旧小区: register, links, 问需/问效
// surveys), ballots/ (问计: plans, review meetings, art. 278 ballots). Each exports a RenewalPart
// spread into this manifest in this order. (Rural sewage and landscape districts are their own
// module now: server/src/modules/facilities.)
// ──────────────────────────────────────────────────────────────────────────────────────
const parts = [oversight, communitiesPart, ballotsPart];

const permissions: PermissionDef[] = [
  {
    key: RENEWAL_READ,
    name: { zh: '查看城市更新项目', en: 'View renewal projects' },
    roles: ['staff', 'leader', 'partner'],
  },
  {
    key: RENEWAL_WRITE,
    name: { zh: '维护城市更新项目与工期', en: 'Maintain renewal projects and schedules' },
    roles: ['staff'],
  },
  {
    key: RENEWAL_REPORT,
    name: { zh: '填报工程日报', en: 'File daily site reports' },
    roles: ['staff', 'partner'],
  },
];

const menu: MenuEntry[] = [
  {
    key: 'renewal',
    path: '/renewal',
    label: { zh: '城市有机更新', en: 'Urban renewal' },
    permission: RENEWAL_READ,
    icon: 'renewal',
    order: 20,
  },
  {
    key: 'renewal.projects',
    parent: 'renewal',
    path: '/renewal/projects',
    label: { zh: '项目台账', en: 'Projects' },
    permission: RENEWAL_READ,
    icon: 'project',
    order: 21,
  },
  {
    key: 'renewal.reports.missing',
    parent: 'renewal',
    path: '/renewal/reports/missing',
    label: { zh: '日报缺报', en: 'Missing daily reports' },
    permission: RENEWAL_READ,
    icon: 'report-missing',
    order: 22,
  },
  {
    key: 'renewal.issues',
    parent: 'renewal',
    path: '/renewal/issues',
    label: { zh: '问题跟踪', en: 'Issues' },
    permission: RENEWAL_READ,
    icon: 'issue',
    order: 23,
  },
];

/**
 * Urban organic renewal (城市有机更新, 住建局): the project register, reverse scheduling from
 * the committed deadline re-planned daily from the site reports, daily reports (工程日报) and
 * the issues raised from them. Supervision meetings, safety inspections and night work live
 * in ./oversight and join this manifest (see above).
 */
export const renewalModule: ModuleManifest = defineModule({
  id: 'renewal',
  name: { zh: '城市有机更新', en: 'Urban organic renewal' },
  programme: true,
  dependsOn: ['platform', 'organisations', 'people'],
  permissions: [...permissions, ...parts.flatMap((p) => p.permissions)],
  migrations: Object.assign(
    { '0001-projects': m0001, '0004-exception-kinds': m0004, '0010-project-list': m0010 },
    ...parts.map((p) => p.migrations),
  ),
  routes: async (app, s) => {
    renewalRoutes(app, s);
    for (const p of parts) p.routes(app, s);
  },
  menu: [...menu, ...parts.flatMap((p) => p.menu)],
  // every list exports to Excel (GET {basePath}/export.xlsx); a project's task list also imports
  excel: [projectList.excel, taskExcel, dailyReportExcel, issueList.excel, ...parts.flatMap((p) => p.excel)],
  demo: async (ctx) => {
    await seedRenewalDemo(ctx);
    for (const p of parts) await p.demo(ctx);
  },
  metrics: [...renewalMetrics, ...parts.flatMap((p) => p.metrics ?? [])],
  // the daily re-plan, overdue alerts, ballots closing at their deadline: run by the platform
  schedules: [replanSchedule, ...parts.flatMap((p) => p.schedules ?? [])],
  // what the audit log calls the module's actions and records (its parts' included)
  audit: renewalAudit,
  exports: renewalExports,
});
