import { projectForRead, projectForReport, projectForWrite } from '../projects/project.policy.ts';
import { listProjects, projectExportPages } from '../projects/project.service.ts';
import { replanAllProjects } from '../projects/replan.job.ts';
import { getProjectSchedule } from '../projects/schedule.service.ts';
import { listProjectTasks } from '../projects/task.service.ts';
import { listProjectLinks } from '../projects/task-link.service.ts';
import { listMissingReports, listReports } from '../reports/daily-report.service.ts';
import { listIssues } from '../reports/project-issue.service.ts';

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

declare module '../../../platform/module/module-services.ts' {
  interface ModuleServices {
    renewal: typeof renewalExports;
  }
}
