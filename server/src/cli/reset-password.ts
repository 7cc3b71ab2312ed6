import { systemContext } from '../platform/accounts/create-user.ts';
import { resetPasswordFromServer } from '../platform/accounts/password-reset.ts';
import { runAccountCommand } from './context.ts';

/**
 * `gongfu reset-password --username NAME`: the only way to reset the password of a system
 * administrator, security administrator or auditor (三权分立); works for any account. The new
 * password comes from GONGFU_NEW_PASSWORD, or is generated and printed once. Audited as the
 * system, the owner is told in their inbox, and the audit chain's head is anchored.
 */
export async function runResetPassword(username?: string): Promise<number> {
  if (!username) {
    console.error('用法 Usage: gongfu reset-password --username NAME   (password from GONGFU_NEW_PASSWORD)');
    return 2;
  }
  return runAccountCommand('GONGFU_NEW_PASSWORD', '新密码 New password', async (services, password) => {
    const r = await resetPasswordFromServer(services, systemContext('reset-password'), username, password);
    return `已重置 Password reset for "${r.username}"; ${r.sessionsRevoked} sessions ended; the user is told at next sign-in.`;
  });
}
