import type { ComponentType, LazyExoticComponent } from 'react';
import type { PermissionKey } from '../api/permissions.generated.ts';

/**
 * The web side of a module: the pages it adds to the router. Each page is a React.lazy
 * component, so a module's code is fetched only when one of its pages is opened. Menu entries
 * are not declared here: they come from the server (GET /api/menu), filtered by permission.
 */
export interface WebRoute {
  /** Absolute path, the same as the `path` of the module's menu entry on the server. */
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Shown as "no access" without calling the server when the user lacks it (the server decides anyway). */
  permission?: PermissionKey;
}

export interface WebModule {
  id: string;
  routes: WebRoute[];
  /**
   * Pages for people without an account (a resident answering a survey by a one-time link):
   * outside the signed-in layout, never redirected to the login page.
   */
  publicRoutes?: { path: string; component: LazyExoticComponent<ComponentType> }[];
}

export const defineWebModule = (m: WebModule): WebModule => m;
