import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { ApiBody, ApiElement, ApiItem, ApiQuery } from '../../api/types.ts';

export type User = ApiItem<'/api/users'>;
export type UserQuery = ApiQuery<'/api/users'>;
export type UserCreate = ApiBody<'/api/users'>;
export type GrantInput = UserCreate['grants'][number];
export type Role = ApiElement<'/api/roles'>;

export const userKeys = { all: ['users'] as const };

export const useRoles = () =>
  useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/roles')), staleTime: 10 * 60_000 });

export const createUser = (body: UserCreate) => unwrap(api.POST('/api/users', { body }));
export const patchUser = (id: string, body: ApiBody<'/api/users/{id}', 'patch'>) =>
  unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
export const putGrants = (id: string, grants: GrantInput[]) =>
  unwrap(api.PUT('/api/users/{id}/grants', { params: { path: { id } }, body: { grants } }));

type Action = 'disable' | 'enable' | 'unlock';
export const userAction = (id: string, action: Action) => {
  const params = { params: { path: { id } } };
  if (action === 'disable') return unwrap(api.POST('/api/users/{id}/disable', params));
  if (action === 'enable') return unwrap(api.POST('/api/users/{id}/enable', params));
  return unwrap(api.POST('/api/users/{id}/unlock', params));
};
export const resetPassword = (id: string, password: string) =>
  unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } }));
