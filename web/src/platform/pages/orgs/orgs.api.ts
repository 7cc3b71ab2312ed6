import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { ApiBody, ApiElement, ApiItem, ApiQuery } from '../../api/types.ts';

export type Org = ApiItem<'/api/orgs'>;
export type OrgKind = ApiElement<'/api/orgs/kinds'>;
export type OrgQuery = ApiQuery<'/api/orgs'>;
export type OrgCreate = ApiBody<'/api/orgs'>;
export type OrgPatch = ApiBody<'/api/orgs/{id}', 'patch'>;

export const useOrgKinds = () =>
  useQuery({
    queryKey: ['orgs', 'kinds'],
    queryFn: () => unwrap(api.GET('/api/orgs/kinds')),
    staleTime: 10 * 60_000,
  });

export const createOrg = (body: OrgCreate) => unwrap(api.POST('/api/orgs', { body }));

export const patchOrg = (id: string, body: OrgPatch) =>
  unwrap(api.PATCH('/api/orgs/{id}', { params: { path: { id } }, body }));
