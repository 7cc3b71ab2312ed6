import { FACILITIES_AUTHZ } from '../modules/facilities/__tests__/authz-rows.ts';
import { BALLOTS_AUTHZ } from '../modules/renewal/ballots/__tests__/authz-rows.ts';
import { COMMUNITIES_AUTHZ } from '../modules/renewal/communities/__tests__/authz-rows.ts';
import type { BuiltinRole } from '../platform/auth/roles.ts';
import { FILES_AUTHZ } from '../platform/files/__tests__/authz-rows.ts';
import { NOTIFICATIONS_AUTHZ } from '../platform/notifications/__tests__/authz-rows.ts';

/**
 * Who may call each API route. The matrix test calls every route as every role and
 * checks the answer, and fails when a route is missing here: a new route is not done
 * until its row is written and reviewed. Data scope is tested in each module's tests.
 */
export type Allowed = 'public' | 'signed-in' | BuiltinRole[];

export const ADMIN_READ: BuiltinRole[] = ['sysadmin', 'secadmin', 'staff', 'leader'];
/** Programme records: staff and leaders by region, third parties by their organisation. */
export const READ: BuiltinRole[] = ['staff', 'leader', 'partner'];

export const AUTHZ_MATRIX: Record<string, Allowed> = {
  // platform core
  'GET /api/status': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/menu': 'signed-in',
  'GET /api/system/health': ['sysadmin'],
  'GET /api/system/schedules': ['sysadmin'],
  // figures: every signed-in user lists what they may read; a figure checks its own permission
  'GET /api/metrics': 'signed-in',
  'GET /api/metrics/:key': 'signed-in',
  'GET /api/regions': ADMIN_READ,
  'GET /api/regions/search': ADMIN_READ,
  'GET /api/regions/:code': ADMIN_READ,
  // organisations
  'GET /api/orgs': ADMIN_READ,
  'GET /api/orgs/tree': ADMIN_READ,
  'GET /api/orgs/kinds': ADMIN_READ,
  'GET /api/orgs/:id': ADMIN_READ,
  'POST /api/orgs': ['sysadmin', 'staff'],
  'PATCH /api/orgs/:id': ['sysadmin', 'staff'],
  'GET /api/orgs/export.xlsx': ADMIN_READ,
  'GET /api/orgs/import-template.xlsx': ['sysadmin', 'staff'],
  'POST /api/orgs/import': ['sysadmin', 'staff'],
  // people
  'GET /api/people': ['staff', 'leader'],
  'POST /api/people/lookup': ['staff', 'leader'],
  'GET /api/people/:id': ['staff', 'leader'],
  'POST /api/people': ['staff'],
  'PATCH /api/people/:id': ['staff'],
  'POST /api/people/:id/unmask': ['staff'],
  'GET /api/people/export.xlsx': ['staff', 'leader'],
  'GET /api/people/import-template.xlsx': ['staff'],
  'POST /api/people/import': ['staff'],
  // background jobs: every signed-in user sees their own only
  'GET /api/jobs': 'signed-in',
  'GET /api/jobs/:id': 'signed-in',
  'GET /api/jobs/:id/errors.xlsx': 'signed-in',
  // accounts: security administrator only (三权分立)
  'GET /api/users': ['secadmin'],
  'GET /api/users/:id': ['secadmin'],
  'POST /api/users': ['secadmin'],
  'PATCH /api/users/:id': ['secadmin'],
  'PUT /api/users/:id/grants': ['secadmin'],
  'POST /api/users/:id/disable': ['secadmin'],
  'POST /api/users/:id/enable': ['secadmin'],
  'POST /api/users/:id/unlock': ['secadmin'],
  'POST /api/users/:id/reset-password': ['secadmin'],
  'GET /api/roles': ['secadmin'],
  // audit log: auditor only
  'GET /api/audit': ['auditor'],
  'GET /api/audit/verify': ['auditor'],
  // renewal (城市有机更新): projects, schedule, daily reports, issues
  'GET /api/renewal/meta': READ,
  'GET /api/renewal/projects': READ,
  'GET /api/renewal/projects/:id': READ,
  'POST /api/renewal/projects': ['staff'],
  'PATCH /api/renewal/projects/:id': ['staff'],
  'GET /api/renewal/projects/:id/exceptions': READ,
  'POST /api/renewal/projects/:id/exceptions': ['staff'],
  'DELETE /api/renewal/projects/:id/exceptions/:date': ['staff'],
  'GET /api/renewal/projects/:id/schedule': READ,
  'GET /api/renewal/projects/:id/dashboard': READ,
  'GET /api/renewal/projects/:id/tasks': READ,
  'POST /api/renewal/projects/:id/tasks': ['staff'],
  'PATCH /api/renewal/projects/:id/tasks/:taskId': ['staff'],
  'DELETE /api/renewal/projects/:id/tasks/:taskId': ['staff'],
  'GET /api/renewal/projects/:id/links': READ,
  'POST /api/renewal/projects/:id/links': ['staff'],
  'PATCH /api/renewal/projects/:id/links/:linkId': ['staff'],
  'DELETE /api/renewal/projects/:id/links/:linkId': ['staff'],
  'GET /api/renewal/projects/:id/reports': READ,
  'POST /api/renewal/projects/:id/reports': ['staff', 'partner'],
  'GET /api/renewal/reports/missing': READ,
  'GET /api/renewal/reports/:id': READ,
  'PUT /api/renewal/reports/:id': ['staff', 'partner'],
  'POST /api/renewal/reports/:id/problems/:n/issue': ['staff'],
  'GET /api/renewal/issues': READ,
  'GET /api/renewal/issues/:id': READ,
  'PATCH /api/renewal/issues/:id': ['staff'],
  // renewal Excel: every list exports; a project's task list imports (background job)
  'GET /api/renewal/projects/export.xlsx': READ,
  'GET /api/renewal/projects/:id/tasks/export.xlsx': READ,
  'GET /api/renewal/projects/:id/tasks/import-template.xlsx': ['staff'],
  'POST /api/renewal/projects/:id/tasks/import': ['staff'],
  'GET /api/renewal/reports/export.xlsx': READ,
  'GET /api/renewal/issues/export.xlsx': READ,
  // renewal oversight: supervision meetings, safety inspections, night work
  'GET /api/renewal/meetings': READ,
  'POST /api/renewal/meetings': ['staff'],
  'GET /api/renewal/meetings/:id': READ,
  'PATCH /api/renewal/meetings/:id': ['staff'],
  'GET /api/renewal/action-items': READ,
  'GET /api/renewal/action-items/overdue': READ,
  'GET /api/renewal/action-items/:id': READ,
  'POST /api/renewal/meetings/:id/action-items': ['staff'],
  'POST /api/renewal/action-items/:id/close': ['staff'],
  'GET /api/renewal/inspections': READ,
  'POST /api/renewal/inspections': ['staff', 'partner'],
  'GET /api/renewal/inspections/:id': READ,
  'POST /api/renewal/inspections/:id/findings': ['staff', 'partner'],
  'GET /api/renewal/inspection-options': READ,
  'GET /api/renewal/findings': READ,
  'GET /api/renewal/findings/overdue': READ,
  'GET /api/renewal/findings/stats/projects': READ,
  'GET /api/renewal/findings/stats/contractors': READ,
  'GET /api/renewal/findings/:id': READ,
  'POST /api/renewal/findings/:id/reply': ['staff', 'partner'],
  'POST /api/renewal/findings/:id/reinspect': ['staff', 'partner'],
  'POST /api/renewal/findings/:id/close': ['staff', 'partner'],
  'GET /api/renewal/night-work': READ,
  'POST /api/renewal/night-work': ['staff', 'partner'],
  'GET /api/renewal/night-work/:id': READ,
  'POST /api/renewal/night-work/:id/notices': ['staff', 'partner'],
  'POST /api/renewal/night-work/:id/feedback': ['staff', 'partner'],
  'POST /api/renewal/night-work/:id/decision': ['staff'],
  'GET /api/renewal/projects/:id/calendar': READ,
  'GET /api/renewal/meetings/export.xlsx': READ,
  'GET /api/renewal/action-items/export.xlsx': READ,
  'GET /api/renewal/inspections/export.xlsx': READ,
  'GET /api/renewal/findings/export.xlsx': READ,
  'GET /api/renewal/night-work/export.xlsx': READ,
  // parts written in their own folders keep their rows beside their tests
  ...COMMUNITIES_AUTHZ,
  ...BALLOTS_AUTHZ,
  // modules with their rows beside their tests
  ...FACILITIES_AUTHZ,
  ...FILES_AUTHZ,
  ...NOTIFICATIONS_AUTHZ,
};
