import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import { type BuiltinRole, EXCLUSIVE_ROLES } from '../platform/auth/roles.ts';
import { runAccountCommand } from './context.ts';

export async function runCreateAdmin(
  username?: string,
  role?: string,
  displayName?: string,
): Promise<number> {
  if (!username || !role || !(EXCLUSIVE_ROLES as readonly string[]).includes(role)) {
    console.error('用法 Usage: gongfu create-admin --username NAME --role sysadmin|secadmin|auditor');
    return 2;
  }
  return runAccountCommand(
    'GONGFU_ADMIN_PASSWORD',
    '初始密码 Initial password',
    async (services, password) => {
      await createUser(services, systemContext('create-admin'), {
        username,
        displayName: displayName ?? username,
        password,
        grants: [{ role: role as BuiltinRole, regionCode: null, organisationId: null, programmes: [] }],
      });
      return `已创建 Created ${role} "${username}".`;
    },
  );
}
