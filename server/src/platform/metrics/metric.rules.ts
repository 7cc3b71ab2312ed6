import { regionInScope } from '../auth/principal.ts';

/**
 * The regions a figure covers: the caller's region scope (null: everywhere) narrowed to the
 * region asked for. Empty when the region lies outside the scope and holds none of it.
 */
export function narrowRegions(scope: string[] | null, region: string | null): string[] | null {
  if (region === null) return scope;
  if (scope === null || regionInScope(scope, region)) return [region];
  return scope.filter((root) => root.startsWith(region));
}
