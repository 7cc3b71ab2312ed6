import type { Static } from 'typebox';
import type { RequestContext } from '../audit/audit.service.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/password.ts';
import type { Grant } from '../auth/principal.ts';
import { BUILTIN_ROLES, type BuiltinRole, EXCLUSIVE_ROLES, ROLE_NAMES } from '../auth/roles.ts';
import { revokeUserSessions } from '../auth/session.repo.ts';
import { clearSignInFailures, findSignInFailure } from '../auth/sign-in-failure.repo.ts';
import { loadGrants } from '../auth/user.repo.ts';
import { invalid } from '../http/errors.ts';
import { pageWindow } from '../http/pagination.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findRegions } from '../regions/region.repo.ts';
import {
  accountScope,
  assertMayGrant,
  assertNotSelf,
  assertUserVisible,
  userNotFound,
} from './account.policy.ts';
import {
  existingOrganisationIds,
  findUserView,
  grantsOfUsers,
  lockUserRow,
  replaceGrants,
  searchUsers,
  setUserStatus,
  type UserViewRow,
  updateUserProfile,
} from './account.repo.ts';
import type {
  CreateUserBody,
  GrantInput,
  ReplaceGrantsBody,
  UpdateUserBody,
  UserListQuery,
} from './account.schemas.ts';
import { checkGrants, createUser } from './create-user.ts';
import {
  applyPasswordReset,
  isPrivileged,
  privilegedGrantRefused,
  privilegedResetRefused,
} from './password-reset.ts';

type Db = PlatformServices['db'];

export interface UserWithGrants {
  row: UserViewRow;
  grants: Grant[];
}

const toGrant = (g: Static<typeof GrantInput>): Grant => ({
  role: g.role as BuiltinRole,
  regionCode: g.regionCode ?? null,
  organisationId: g.organisationId ?? null,
  programmes: g.programmes ?? [],
});

/** Grants may only name regions and organisations that exist (a 400 naming the field, never a 5xx). */
async function checkGrantTargets(db: Db, grants: Grant[], field = 'grants'): Promise<void> {
  const codes = [...new Set(grants.flatMap((g) => (g.regionCode === null ? [] : [g.regionCode])))];
  const regions = new Set((await findRegions(db, codes)).map((r) => r.code));
  const orgs = await existingOrganisationIds(db, [
    ...new Set(grants.flatMap((g) => (g.organisationId === null ? [] : [g.organisationId]))),
  ]);
  for (const [i, g] of grants.entries()) {
    if (g.regionCode !== null && !regions.has(g.regionCode)) {
      throw invalid(
        `${field}.${i}.regionCode`,
        {
          zh: `行政区划代码「${g.regionCode}」不存在，请从区划列表中选择`,
          en: `No region has the code "${g.regionCode}"; pick one from the region list`,
        },
        'REGION_NOT_FOUND',
      );
    }
    if (g.organisationId !== null && !orgs.has(g.organisationId)) {
      throw invalid(`${field}.${i}.organisationId`, orgMissing(g.organisationId), 'ORGANISATION_NOT_FOUND');
    }
  }
}

const orgMissing = (id: string) => ({
  zh: `组织机构「${id}」不存在，请从组织机构列表中选择`,
  en: `No organisation has the id "${id}"; pick one from the organisation list`,
});

async function checkOrganisation(
  db: Db,
  id: string | null | undefined,
  field = 'organisationId',
): Promise<void> {
  if (!id) return;
  if (!(await existingOrganisationIds(db, [id])).has(id))
    throw invalid(field, orgMissing(id), 'ORGANISATION_NOT_FOUND');
}

/** Locks the account inside a write and checks the caller may see it; returns it with its grants. */
async function lockVisible(tx: Db, scope: string[] | null, id: string) {
  const user = await lockUserRow(tx, id);
  if (!user) throw userNotFound(id);
  const grants = await loadGrants(tx, id);
  assertUserVisible(scope, id, grants);
  return { user, grants };
}

async function loadUser(s: PlatformServices, scope: string[] | null, id: string): Promise<UserWithGrants> {
  const row = await findUserView(s.db, id);
  if (!row) throw userNotFound(id);
  const grants = (await grantsOfUsers(s.db, [id])).get(id) ?? [];
  assertUserVisible(scope, id, grants);
  return { row, grants };
}

export async function listUsers(
  s: PlatformServices,
  ctx: RequestContext,
  query: Static<typeof UserListQuery>,
) {
  const scope = accountScope(s, ctx, 'user.read');
  const { page, pageSize, offset, limit } = pageWindow(query);
  const { rows, total } = await searchUsers(s.db, {
    q: query.q?.trim() || undefined,
    role: query.role,
    status: query.status,
    scope,
    now: s.clock.now(),
    limit,
    offset,
  });
  const grants = await grantsOfUsers(
    s.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => ({ row, grants: grants.get(row.id) ?? [] })), total, page, pageSize };
}

export async function getUser(s: PlatformServices, ctx: RequestContext, id: string): Promise<UserWithGrants> {
  return loadUser(s, accountScope(s, ctx, 'user.read'), id);
}

/** The security administrator opens an account (createUser does the username, password and 三权分立 checks). */
export async function registerUser(
  s: PlatformServices,
  ctx: RequestContext,
  body: Static<typeof CreateUserBody>,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  const grants = body.grants.map(toGrant);
  checkGrants(grants);
  assertMayGrant(scope, grants);
  await checkGrantTargets(s.db, grants);
  await checkOrganisation(s.db, body.organisationId);
  const displayName = body.displayName.trim();
  if (!displayName) throw blankName();
  const row = await createUser(s, ctx, {
    username: body.username,
    displayName,
    password: body.password,
    organisationId: body.organisationId ?? null,
    grants,
  });
  return loadUser(s, null, row.id);
}

const blankName = () => invalid('displayName', { zh: '请填写姓名', en: 'Enter a display name' });

export async function updateUser(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  body: Static<typeof UpdateUserBody>,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  const displayName = body.displayName?.trim();
  if (displayName === '') throw blankName();
  await checkOrganisation(s.db, body.organisationId);
  await s.write(ctx, async (tx, audit) => {
    const { user } = await lockVisible(tx, scope, id);
    const before = { displayName: user.display_name, organisationId: user.organisation_id };
    const after = {
      displayName: displayName ?? user.display_name,
      organisationId: body.organisationId === undefined ? user.organisation_id : body.organisationId,
    };
    await updateUserProfile(tx, id, after, s.clock.now());
    await audit({ action: 'user.update', entityType: 'user', entityId: id, before, after });
  });
  return loadUser(s, scope, id);
}

export async function replaceUserGrants(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  body: Static<typeof ReplaceGrantsBody>,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  assertNotSelf(ctx, id, {
    zh: '不能修改自己的角色授权，请由另一位安全管理员操作',
    en: 'You cannot change your own grants; ask another security administrator',
  });
  const grants = body.grants.map(toGrant);
  checkGrants(grants);
  assertMayGrant(scope, grants);
  await checkGrantTargets(s.db, grants);
  await s.write(ctx, async (tx, audit) => {
    const { user, grants: old } = await lockVisible(tx, scope, id);
    const oldRoles = new Set(old.map((g) => g.role));
    if (user.password_reset_at && isPrivileged(grants.filter((g) => !oldRoles.has(g.role)))) {
      throw privilegedGrantRefused();
    }
    await replaceGrants(tx, id, grants);
    await audit({
      action: 'user.grants',
      entityType: 'user',
      entityId: id,
      before: { grants: old },
      after: { grants },
    });
  });
  return loadUser(s, scope, id);
}

/** Disables the account and ends every session it has, at once. */
export async function disableUser(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  assertNotSelf(ctx, id, {
    zh: '不能停用自己的账号，请由另一位安全管理员操作',
    en: 'You cannot disable your own account; ask another security administrator',
  });
  await s.write(ctx, async (tx, audit) => {
    const { user } = await lockVisible(tx, scope, id);
    const now = s.clock.now();
    await setUserStatus(tx, id, 'disabled', now);
    const sessionsRevoked = await revokeUserSessions(tx, id, now);
    await audit({
      action: 'user.disable',
      entityType: 'user',
      entityId: id,
      before: { status: user.status },
      after: { status: 'disabled', sessionsRevoked },
    });
  });
  return loadUser(s, scope, id);
}

export async function enableUser(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  await s.write(ctx, async (tx, audit) => {
    const { user } = await lockVisible(tx, scope, id);
    await setUserStatus(tx, id, 'active', s.clock.now());
    await audit({
      action: 'user.enable',
      entityType: 'user',
      entityId: id,
      before: { status: user.status },
      after: { status: 'active' },
    });
  });
  return loadUser(s, scope, id);
}

/** Lifts a lockout after failed sign-ins (and resets the failure count). */
export async function unlockUser(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<UserWithGrants> {
  const scope = accountScope(s, ctx, 'user.write');
  await s.write(ctx, async (tx, audit) => {
    const { user } = await lockVisible(tx, scope, id);
    const failure = await findSignInFailure(tx, user.username);
    await clearSignInFailures(tx, user.username);
    await audit({
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      before: {
        failedAttempts: failure?.failed_attempts ?? 0,
        lockedUntil: failure?.locked_until?.toISOString() ?? null,
      },
      after: { failedAttempts: 0, lockedUntil: null },
    });
  });
  return loadUser(s, scope, id);
}

/**
 * Sets a new password chosen by the security administrator, ends the user's sessions, lifts
 * any lockout and tells the user. Their own password they change through /api/auth/password;
 * an administrator's only `gongfu reset-password` on the server resets (password-reset.ts).
 */
export async function resetUserPassword(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  password: string,
): Promise<{ sessionsRevoked: number }> {
  const scope = accountScope(s, ctx, 'user.write');
  assertNotSelf(ctx, id, {
    zh: '不能在此重置自己的密码，请在「修改密码」中修改',
    en: 'You cannot reset your own password here; use "Change password"',
  });
  checkPasswordPolicy(password, 'password');
  const hash = await hashPassword(password);
  const by = ctx.principal?.username ?? '?';
  return s.write(ctx, async (tx, audit) => {
    const { user, grants } = await lockVisible(tx, scope, id);
    if (isPrivileged(grants)) throw privilegedResetRefused();
    return applyPasswordReset(s, tx, audit, user, hash, {
      zh: `安全管理员 ${by}`,
      en: `the security administrator ${by}`,
    });
  });
}

/** The built-in roles, their names and the permissions each holds in this installation. */
export function listRoles(s: PlatformServices, ctx: RequestContext) {
  accountScope(s, ctx, 'user.read');
  return BUILTIN_ROLES.map((role) => ({
    role,
    name: ROLE_NAMES[role],
    exclusive: EXCLUSIVE_ROLES.includes(role),
    permissions: s.access.permissionsOfRole(role).sort(),
  }));
}
