import type { RequestContext } from '../audit/audit.service.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/password.ts';
import type { Grant } from '../auth/principal.ts';
import { EXCLUSIVE_ROLES, isBuiltinRole, ROLE_NAMES } from '../auth/roles.ts';
import { type Bilingual, conflict, invalid } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { insertUser, replaceGrants, usernameTaken } from './account.repo.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  organisationId?: string | null;
  grants: Grant[];
}

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

/** Rules every grant set must satisfy, wherever accounts are created or changed. */
export function checkGrants(grants: Grant[], field = 'grants'): void {
  const roles = new Set(grants.map((g) => g.role));
  for (const [i, g] of grants.entries()) {
    if (!isBuiltinRole(g.role)) {
      throw invalid(`${field}.${i}.role`, { zh: `未知角色「${g.role}」`, en: `Unknown role "${g.role}"` });
    }
  }
  for (const [i, g] of grants.entries()) {
    if (g.role === 'partner' && !g.organisationId) {
      throw invalid(`${field}.${i}.organisationId`, {
        zh: '第三方单位账号须指定所属组织机构（其数据范围即该单位）',
        en: "A third-party grant needs its organisation: that organisation is the grant's data scope",
      });
    }
  }
  const admin = EXCLUSIVE_ROLES.filter((r) => roles.has(r));
  if (admin.length > 0 && roles.size > 1) {
    const names: Bilingual = {
      zh: admin.map((r) => ROLE_NAMES[r].zh).join('、'),
      en: admin.map((r) => ROLE_NAMES[r].en).join(', '),
    };
    throw invalid(
      field,
      {
        zh: `${names.zh}不能与其他角色兼任（三权分立）`,
        en: `${names.en} cannot be combined with any other role (separation of duties)`,
      },
      'ROLES_NOT_SEPARATED',
    );
  }
}

const taken = (username: string) =>
  conflict('username', {
    zh: `用户名「${username}」已被使用，请换一个`,
    en: `Username "${username}" is taken; choose another`,
  });

/** The SQLSTATE of a database error (node-postgres and PGlite both set `code`). */
const pgErrorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** Creates an account with its grants and audits it; used by the CLI, demo data and the security admin. */
export async function createUser(s: PlatformServices, ctx: RequestContext, u: NewUser) {
  const username = u.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw invalid('username', {
      zh: '用户名须以字母开头，3–32 位小写字母、数字、点、下划线或连字符',
      en: 'Username must start with a letter: 3–32 lower-case letters, digits, dot, underscore or hyphen',
    });
  }
  checkPasswordPolicy(u.password);
  checkGrants(u.grants);
  const passwordHash = await hashPassword(u.password);
  return s.write(ctx, async (tx, audit) => {
    if (await usernameTaken(tx, username)) {
      throw taken(username);
    }
    const row = await insertUser(tx, {
      username,
      displayName: u.displayName,
      passwordHash,
      organisationId: u.organisationId ?? null,
    }).catch((e: unknown) => {
      // two requests for the same name at once: the unique index decides, the loser gets a 409
      if (pgErrorCode(e) === '23505') throw taken(username);
      throw e;
    });
    await replaceGrants(tx, row.id, u.grants);
    await audit({
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: {
        username,
        displayName: u.displayName,
        organisationId: u.organisationId ?? null,
        grants: u.grants,
      },
    });
    return row;
  });
}

/** Context for work done by the system itself (CLI, start-up, demo data). */
export const systemContext = (what: string): RequestContext => ({
  principal: null,
  requestId: `system:${what}`,
  ip: null,
  lang: 'zh-CN',
  systemActor: `system:${what}`,
});
