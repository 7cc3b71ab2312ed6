import type { Grant } from '../platform/auth/principal.ts';

/** Demo mode only: these accounts are never created in production. */
export const DEMO_PASSWORD = 'gongfu-demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  grants: Grant[];
}

const all = (role: Grant['role']): Grant[] => [
  { role, regionCode: null, organisationId: null, programmes: [] },
];
const scoped = (role: Grant['role'], regionCode: string, programmes: string[]): Grant[] => [
  { role, regionCode, organisationId: null, programmes },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员 System admin', grants: all('sysadmin') },
  { username: 'security', displayName: '安全管理员 Security admin', grants: all('secadmin') },
  { username: 'auditor', displayName: '安全审计员 Auditor', grants: all('auditor') },
  // facilities were a part of renewal: the bureau's grants cover both (facilities/migrations/0007)
  {
    username: 'anji',
    displayName: '安吉县住建局 经办人',
    grants: scoped('staff', '330523', ['renewal', 'facilities']),
  },
  {
    username: 'zhuji',
    displayName: '诸暨市人社局 经办人',
    grants: scoped('staff', '330681', ['employment']),
  },
  {
    username: 'tiantai',
    displayName: '天台县福溪街道 组织委员',
    grants: scoped('staff', '331023', ['cadres', 'renewal', 'facilities']),
  },
  { username: 'jinhua', displayName: '金华市妇联 经办人', grants: scoped('staff', '3307', ['workshops']) },
  { username: 'leader', displayName: '浙江省 领导（只读）', grants: scoped('leader', '33', []) },
];
