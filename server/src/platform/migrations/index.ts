import type { Migration } from 'kysely';
import * as core from './0001-core.ts';
import * as regions from './0002-regions.ts';
import * as jobs from './0003-jobs.ts';
import * as jobParams from './0004-job-params.ts';
import * as files from './0005-files.ts';
import * as notifications from './0006-notifications.ts';
import * as signInGuard from './0007-sign-in-guard-and-audit-seq.ts';
import * as peopleList from './0008-people-list.ts';
import * as scheduleRuns from './0009-schedule-runs.ts';

export const platformMigrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-regions': regions,
  '0003-jobs': jobs,
  '0004-job-params': jobParams,
  '0005-files': files,
  '0006-notifications': notifications,
  '0007-sign-in-guard-and-audit-seq': signInGuard,
  '0008-people-list': peopleList,
  '0009-schedule-runs': scheduleRuns,
};
