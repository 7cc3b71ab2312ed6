import type { ComponentType, LazyExoticComponent } from 'react';

/** A renewal page, routed inside /renewal/* at `path` (relative), shown to holders of `permission`. */
export interface RenewalPage {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission: string;
}
