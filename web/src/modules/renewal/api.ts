import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../platform/api/client.ts';
import type { ApiBody, ApiElement, ApiItem, ApiQuery, ApiResponse } from '../../platform/api/types.ts';

// Every type here is read from the generated schema (web/src/api/schema.generated.ts).

export type Meta = ApiResponse<'/api/renewal/meta'>;
export type ProjectRow = ApiItem<'/api/renewal/projects'>;
export type ProjectQuery = ApiQuery<'/api/renewal/projects'>;
export type Project = ApiResponse<'/api/renewal/projects/{id}'>;
export type ProjectCreate = ApiBody<'/api/renewal/projects'>;
export type ProjectPatch = ApiBody<'/api/renewal/projects/{id}', 'patch'>;
export type Schedule = ApiResponse<'/api/renewal/projects/{id}/schedule'>;
export type ScheduledTask = Schedule['tasks'][number];
export type Dashboard = ApiResponse<'/api/renewal/projects/{id}/dashboard'>;
export type Task = ApiElement<'/api/renewal/projects/{id}/tasks'>;
export type TaskCreate = ApiBody<'/api/renewal/projects/{id}/tasks'>;
export type TaskPatch = ApiBody<'/api/renewal/projects/{id}/tasks/{taskId}', 'patch'>;
export type Link = ApiElement<'/api/renewal/projects/{id}/links'>;
export type LinkCreate = ApiBody<'/api/renewal/projects/{id}/links'>;
export type ReportRow = ApiItem<'/api/renewal/projects/{id}/reports'>;
export type Report = ApiResponse<'/api/renewal/reports/{id}'>;
export type ReportBody = ApiBody<'/api/renewal/projects/{id}/reports'>;
export type MissingRow = ApiItem<'/api/renewal/reports/missing'>;
export type Issue = ApiItem<'/api/renewal/issues'>;
export type IssueQuery = ApiQuery<'/api/renewal/issues'>;
export type IssuePatch = ApiBody<'/api/renewal/issues/{id}', 'patch'>;
export type MeetingRow = ApiItem<'/api/renewal/meetings'>;
export type Meeting = ApiResponse<'/api/renewal/meetings/{id}'>;
export type MeetingCreate = ApiBody<'/api/renewal/meetings'>;
export type ActionItem = ApiItem<'/api/renewal/action-items'>;
export type ActionItemCreate = ApiBody<'/api/renewal/meetings/{id}/action-items'>;
export type InspectionRow = ApiItem<'/api/renewal/inspections'>;
export type Inspection = ApiResponse<'/api/renewal/inspections/{id}'>;
export type InspectionCreate = ApiBody<'/api/renewal/inspections'>;
export type InspectionOptions = ApiResponse<'/api/renewal/inspection-options'>;
export type Finding = ApiItem<'/api/renewal/findings'>;
export type FindingQuery = ApiQuery<'/api/renewal/findings'>;
export type FindingCreate = ApiBody<'/api/renewal/inspections/{id}/findings'>;
export type FindingDetail = ApiResponse<'/api/renewal/findings/{id}'>;
export type OverdueGroup = ApiElement<'/api/renewal/findings/overdue'>;
export type ProjectStats = ApiResponse<'/api/renewal/findings/stats/projects'>['rows'][number];
export type ContractorStats = ApiResponse<'/api/renewal/findings/stats/contractors'>['rows'][number];
export type NightWorkRow = ApiItem<'/api/renewal/night-work'>;
export type NightWork = ApiResponse<'/api/renewal/night-work/{id}'>;
export type NightWorkCreate = ApiBody<'/api/renewal/night-work'>;
export type NoticeBody = ApiBody<'/api/renewal/night-work/{id}/notices'>;
export type FeedbackBody = ApiBody<'/api/renewal/night-work/{id}/feedback'>;
export type ProjectCalendar = ApiResponse<'/api/renewal/projects/{id}/calendar'>;

/** Query keys: everything of the module starts with 'renewal', so one invalidation refreshes all. */
export const rk = {
  all: ['renewal'] as const,
  meta: ['renewal', 'meta'] as const,
  inspectionOptions: ['renewal', 'inspection-options'] as const,
  projects: (q: unknown) => ['renewal', 'projects', q] as const,
  project: (id: string) => ['renewal', 'project', id] as const,
  schedule: (id: string) => ['renewal', 'project', id, 'schedule'] as const,
  dashboard: (id: string) => ['renewal', 'project', id, 'dashboard'] as const,
  tasks: (id: string) => ['renewal', 'project', id, 'tasks'] as const,
  links: (id: string) => ['renewal', 'project', id, 'links'] as const,
  reports: (id: string, q: unknown) => ['renewal', 'project', id, 'reports', q] as const,
  calendar: (id: string, from: string) => ['renewal', 'project', id, 'calendar', from] as const,
  report: (id: string) => ['renewal', 'report', id] as const,
  missing: (q: unknown) => ['renewal', 'missing', q] as const,
  issues: (q: unknown) => ['renewal', 'issues', q] as const,
  meetings: (q: unknown) => ['renewal', 'meetings', q] as const,
  meeting: (id: string) => ['renewal', 'meeting', id] as const,
  actionItems: (q: unknown) => ['renewal', 'action-items', q] as const,
  overdueItems: (q: unknown) => ['renewal', 'action-items', 'overdue', q] as const,
  inspections: (q: unknown) => ['renewal', 'inspections', q] as const,
  inspection: (id: string) => ['renewal', 'inspection', id] as const,
  findings: (q: unknown) => ['renewal', 'findings', q] as const,
  finding: (id: string) => ['renewal', 'finding', id] as const,
  overdueFindings: (q: unknown) => ['renewal', 'findings', 'overdue', q] as const,
  stats: (kind: string, q: unknown) => ['renewal', 'findings', 'stats', kind, q] as const,
  nightWorks: (q: unknown) => ['renewal', 'night-work', q] as const,
  nightWork: (id: string) => ['renewal', 'night-work', 'one', id] as const,
};

const p = (id: string) => ({ params: { path: { id } } });

export const useMeta = () =>
  useQuery({
    queryKey: rk.meta,
    queryFn: () => unwrap(api.GET('/api/renewal/meta')),
    staleTime: 10 * 60_000,
  });

export const useInspectionOptions = () =>
  useQuery({
    queryKey: rk.inspectionOptions,
    queryFn: () => unwrap(api.GET('/api/renewal/inspection-options')),
    staleTime: 10 * 60_000,
  });

export const useProject = (id: string) =>
  useQuery({
    queryKey: rk.project(id),
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}', p(id))),
    enabled: id !== '',
  });

export const useSchedule = (id: string) =>
  useQuery({
    queryKey: rk.schedule(id),
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}/schedule', p(id))),
  });

export const useDashboard = (id: string) =>
  useQuery({
    queryKey: rk.dashboard(id),
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}/dashboard', p(id))),
  });

export const useTasks = (id: string) =>
  useQuery({
    queryKey: rk.tasks(id),
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}/tasks', p(id))),
  });

export const useLinks = (id: string) =>
  useQuery({
    queryKey: rk.links(id),
    queryFn: () => unwrap(api.GET('/api/renewal/projects/{id}/links', p(id))),
  });

export const createProject = (body: ProjectCreate) => unwrap(api.POST('/api/renewal/projects', { body }));
export const patchProject = (id: string, body: ProjectPatch) =>
  unwrap(api.PATCH('/api/renewal/projects/{id}', { ...p(id), body }));

export const createTask = (id: string, body: TaskCreate) =>
  unwrap(api.POST('/api/renewal/projects/{id}/tasks', { ...p(id), body }));
export const patchTask = (id: string, taskId: string, body: TaskPatch) =>
  unwrap(api.PATCH('/api/renewal/projects/{id}/tasks/{taskId}', { params: { path: { id, taskId } }, body }));
export const deleteTask = (id: string, taskId: string) =>
  unwrap(api.DELETE('/api/renewal/projects/{id}/tasks/{taskId}', { params: { path: { id, taskId } } }));
export const createLink = (id: string, body: LinkCreate) =>
  unwrap(api.POST('/api/renewal/projects/{id}/links', { ...p(id), body }));
export const patchLink = (
  id: string,
  linkId: string,
  body: ApiBody<'/api/renewal/projects/{id}/links/{linkId}', 'patch'>,
) =>
  unwrap(api.PATCH('/api/renewal/projects/{id}/links/{linkId}', { params: { path: { id, linkId } }, body }));
export const deleteLink = (id: string, linkId: string) =>
  unwrap(api.DELETE('/api/renewal/projects/{id}/links/{linkId}', { params: { path: { id, linkId } } }));
