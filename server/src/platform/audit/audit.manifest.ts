import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { auditRoutes } from './audit.routes.ts';
import { verifyAuditChain } from './audit-verify.ts';

export const auditModule: ModuleManifest = defineModule({
  id: 'audit',
  name: { zh: '审计日志', en: 'Audit' },
  programme: false,
  dependsOn: ['platform'],
  permissions: [
    {
      key: 'audit.read',
      name: { zh: '查看与校验审计日志', en: 'Read and verify the audit log' },
      roles: ['auditor'],
    },
  ],
  menu: [
    {
      key: 'audit',
      path: '/audit',
      label: { zh: '审计日志', en: 'Audit log' },
      permission: 'audit.read',
      order: 91,
    },
  ],
  routes: auditRoutes,
  /** For the CLI (`gongfu audit verify`) and other modules. */
  exports: { verifyAuditChain },
});
