import type { ComponentType, LazyExoticComponent } from 'react';
import type { PermissionKey } from '../../api/permissions.generated.ts';

/** A renewal page, routed inside /renewal/* at `path` (relative), shown to holders of `permission`. */
export interface RenewalPage {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission: PermissionKey;
}
