import { Type } from 'typebox';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import {
  CreateUserBody,
  ReplaceGrantsBody,
  ResetPasswordBody,
  ResetPasswordResult,
  RoleView,
  UpdateUserBody,
  UserIdParams,
  UserListQuery,
  UserPage,
  UserView,
} from './account.schemas.ts';
import {
  disableUser,
  enableUser,
  getUser,
  listRoles,
  listUsers,
  registerUser,
  replaceUserGrants,
  resetUserPassword,
  type UserWithGrants,
  unlockUser,
  updateUser,
} from './account.service.ts';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function presentUser({ row, grants }: UserWithGrants, now: Date) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    status: row.status,
    locked: row.locked_until !== null && row.locked_until > now,
    lockedUntil: iso(row.locked_until),
    failedAttempts: row.failed_attempts,
    lastLoginAt: iso(row.last_login_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    grants,
  };
}

const tags = ['accounts'];
const read = { access: { permission: 'user.read' } };
const write = { access: { permission: 'user.write' } };

export function accountRoutes(app: GongfuApp, s: PlatformServices) {
  const present = (u: UserWithGrants) => presentUser(u, s.clock.now());

  app.get(
    '/api/users',
    {
      config: read,
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: UserListQuery,
        response: { 200: UserPage },
      },
    },
    async (req) => {
      const r = await listUsers(s, req.ctx, req.query);
      return { ...r, items: r.items.map(present) };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: read,
      schema: { tags, summary: '账号详情 One account', params: UserIdParams, response: { 200: UserView } },
    },
    async (req) => present(await getUser(s, req.ctx, req.params.id)),
  );

  app.post(
    '/api/users',
    {
      config: write,
      schema: {
        tags,
        summary: '新建账号 Create an account',
        body: CreateUserBody,
        response: { 201: UserView },
      },
    },
    async (req, reply) => {
      const u = await registerUser(s, req.ctx, req.body);
      reply.status(201);
      return present(u);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改账号信息 Update name or organisation',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    async (req) => present(await updateUser(s, req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/api/users/:id/grants',
    {
      config: write,
      schema: {
        tags,
        summary: '设置角色授权 Replace the grants',
        params: UserIdParams,
        body: ReplaceGrantsBody,
        response: { 200: UserView },
      },
    },
    async (req) => present(await replaceUserGrants(s, req.ctx, req.params.id, req.body)),
  );

  const statusRoute = (path: string, summary: string, run: typeof disableUser) =>
    app.post(
      `/api/users/:id/${path}`,
      { config: write, schema: { tags, summary, params: UserIdParams, response: { 200: UserView } } },
      async (req) => present(await run(s, req.ctx, req.params.id)),
    );
  statusRoute('disable', '停用账号 Disable the account and end its sessions', disableUser);
  statusRoute('enable', '启用账号 Enable the account', enableUser);
  statusRoute('unlock', '解除锁定 Lift a sign-in lockout', unlockUser);

  app.post(
    '/api/users/:id/reset-password',
    {
      config: write,
      schema: {
        tags,
        summary: '重置密码 Set a new password and end the sessions',
        params: UserIdParams,
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResult },
      },
    },
    async (req) => ({ ok: true, ...(await resetUserPassword(s, req.ctx, req.params.id, req.body.password)) }),
  );

  app.get(
    '/api/roles',
    {
      config: read,
      schema: {
        tags,
        summary: '角色与权限 Built-in roles and their permissions',
        response: { 200: Type.Array(RoleView) },
      },
    },
    async (req) => listRoles(s, req.ctx),
  );
}
