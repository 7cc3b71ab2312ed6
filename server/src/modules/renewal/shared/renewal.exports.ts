import { projectList } from '../projects/project.list.ts';
import { projectForRead, projectForReport, projectForWrite } from '../projects/project.policy.ts';
import { replanAllProjects } from '../projects/replan.job.ts';
import { getProjectSchedule } from '../projects/schedule.service.ts';
import { listProjectTasks } from '../projects/task.service.ts';
import { listProjectLinks } from '../projects/task-link.service.ts';
import { projectReportList } from '../reports/daily-report.list.ts';
import { listMissingReports } from '../reports/daily-report.service.ts';
import { issueList } from '../reports/project-issue.list.ts';

/**
 * What the renewal module offers other modules: the list use cases with the caller's scope
 * applied (paged, as the module's own routes answer them),
 * the project policies, the schedule and the daily re-plan.
 */
export const renewalExports = {
  listProjects: projectList.list,
  listProjectTasks,
  listProjectLinks,
  listReports: projectReportList.list,
  listMissingReports,
  listIssues: issueList.list,
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
