import { api, unwrap } from '../../api/client.ts';
import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '../../api/types.ts';

export type Person = ApiItem<'/api/people'>;
export type PersonQuery = ApiQuery<'/api/people'>;
export type PersonCreate = ApiBody<'/api/people'>;
export type PersonPatch = ApiBody<'/api/people/{id}', 'patch'>;
export type Unmasked = ApiResponse<'/api/people/{id}/unmask', 'post'>;

export const personKeys = {
  all: ['people'] as const,
  one: (id: string) => ['people', 'one', id] as const,
};

export const fetchPerson = (id: string) => unwrap(api.GET('/api/people/{id}', { params: { path: { id } } }));
export const createPerson = (body: PersonCreate) => unwrap(api.POST('/api/people', { body }));
export const patchPerson = (id: string, body: PersonPatch) =>
  unwrap(api.PATCH('/api/people/{id}', { params: { path: { id } }, body }));
export const lookupPerson = (citizenId: string) =>
  unwrap(api.POST('/api/people/lookup', { body: { citizenId } }));
export const unmaskPerson = (id: string, reason: string) =>
  unwrap(api.POST('/api/people/{id}/unmask', { params: { path: { id } }, body: { reason } }));
