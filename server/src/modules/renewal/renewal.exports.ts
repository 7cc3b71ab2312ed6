import { listMissingReports, listReports } from './daily-report.service.ts';
import { projectForRead, projectForReport, projectForWrite } from './project.policy.ts';
import { listProjects, projectExportPages } from './project.service.ts';
import { listIssues } from './project-issue.service.ts';
import { replanAllProjects } from './replan.job.ts';
import { getProjectSchedule } from './schedule.service.ts';
import { listProjectTasks } from './task.service.ts';
import { listProjectLinks } from './task-link.service.ts';

/**
 * What the renewal module offers other modules: the list use cases with the caller's scope
 * applied (paged, and `projectExportPages` by keyset, as the module's own Excel lists use it),
 * the project policies, the schedule and the daily re-plan.
 */
export const renewalExports = {
  listProjects,
  projectExportPages,
  listProjectTasks,
  listProjectLinks,
  listReports,
  listMissingReports,
  listIssues,
  getProjectSchedule,
  replanAllProjects,
  projectForRead,
  projectForWrite,
  projectForReport,
};

declare module '../../platform/module/module-services.ts' {
  interface ModuleServices {
    renewal: typeof renewalExports;
  }
}
