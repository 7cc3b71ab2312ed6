import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.ts';
import { modules } from '../modules/index.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import { type BuiltinRole, EXCLUSIVE_ROLES } from '../platform/auth/roles.ts';
import { AppError } from '../platform/http/errors.ts';
import { openMigrated } from './context.ts';

export async function runCreateAdmin(
  username?: string,
  role?: string,
  displayName?: string,
): Promise<number> {
  if (!username || !role || !(EXCLUSIVE_ROLES as readonly string[]).includes(role)) {
    console.error('用法 Usage: gongfu create-admin --username NAME --role sysadmin|secadmin|auditor');
    return 2;
  }
  const { config, database } = await openMigrated(false);
  const { services } = await buildApp({ config, database, modules });
  const generated = !process.env.GONGFU_ADMIN_PASSWORD;
  const password = process.env.GONGFU_ADMIN_PASSWORD ?? `Gf-${randomBytes(9).toString('base64url')}7`;
  try {
    await createUser(services, systemContext('create-admin'), {
      username,
      displayName: displayName ?? username,
      password,
      grants: [{ role: role as BuiltinRole, regionCode: null, organisationId: null, programmes: [] }],
    });
    console.log(`已创建 Created ${role} "${username}".`);
    if (generated) console.log(`初始密码 Initial password (shown once): ${password}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${e.text.zh} / ${e.text.en}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
