import type { Bilingual } from '../http/errors.ts';

/**
 * Built-in roles. The three administrator roles are separated (三权分立): the system
 * administrator runs the system and master data, the security administrator manages
 * accounts and grants, the auditor reads the audit log; none can do another's work.
 * Programme staff and leaders are scoped by region/organisation and programme.
 * A third party (第三方单位: contractor, inspector, agent builder …) is an external user
 * whose grant carries its `organisationId`: it sees only records its organisation is part of.
 */
export const BUILTIN_ROLES = ['sysadmin', 'secadmin', 'auditor', 'staff', 'leader', 'partner'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

export const ROLE_NAMES: Record<BuiltinRole, Bilingual> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  staff: { zh: '业务经办人员', en: 'Programme staff' },
  leader: { zh: '领导', en: 'Leader' },
  partner: { zh: '第三方单位', en: 'Third party' },
};

export const isBuiltinRole = (r: string): r is BuiltinRole =>
  (BUILTIN_ROLES as readonly string[]).includes(r);

/** Roles that may not be combined on one account (separation of duties). */
export const EXCLUSIVE_ROLES: readonly BuiltinRole[] = ['sysadmin', 'secadmin', 'auditor'];
