import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { auditRoutes } from './audit.routes.ts';
import { composeAuditLabels } from './audit-labels.ts';
import { verifyAuditChain } from './audit-verify.ts';

/** The audit log; its labels for actions and records come from every manifest's `audit`. */
export function auditModule(allManifests: () => ModuleManifest[]): ModuleManifest {
  return defineModule({
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
        icon: 'audit',
        order: 91,
      },
    ],
    audit: {
      actions: { 'audit.verify': { zh: '校验审计日志', en: 'Verify the audit log' } },
      entities: { audit_log: { label: { zh: '审计日志', en: 'Audit log' } } },
    },
    // composed when the routes are registered: every manifest is known by then
    routes: (app, s) => auditRoutes(app, s, composeAuditLabels(allManifests())),
    /** For the CLI (`gongfu audit verify`) and other modules. */
    exports: { verifyAuditChain },
  });
}
