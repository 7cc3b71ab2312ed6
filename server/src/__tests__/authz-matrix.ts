import type { BuiltinRole } from '../platform/auth/roles.ts';

/**
 * Who may call each API route. The matrix test calls every route as every role and
 * checks the answer, and fails when a route is missing here: a new route is not done
 * until its row is written and reviewed. Data scope is tested in each module's tests.
 */
export type Allowed = 'public' | 'signed-in' | BuiltinRole[];

const ADMIN_READ: BuiltinRole[] = ['sysadmin', 'secadmin', 'staff', 'leader'];

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
  // example module: work notices
  'GET /api/notices': ['staff', 'leader'],
  'POST /api/notices': ['staff'],
};
