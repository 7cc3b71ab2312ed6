import type { Lang } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { ORG_READ, ORG_WRITE } from './organisation.policy.ts';
import type { OrganisationListRow } from './organisation.repo.ts';
import { creditCodeRequired, KIND_KEYS, kindName, statusName } from './organisation.rules.ts';
import {
  CreateOrganisationBody,
  OrganisationIdParams,
  OrganisationKindView,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationTree,
  OrganisationTreeQuery,
  OrganisationView,
  UpdateOrganisationBody,
} from './organisation.schemas.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  listOrganisationTree,
  updateOrganisation,
} from './organisation.service.ts';

const tags = ['organisations'];

export const presentOrganisation = (o: OrganisationListRow, lang: Lang) => ({
  id: o.id,
  parentId: o.parent_id,
  parentName: o.parent_name,
  kind: o.kind,
  kindName: kindName(o.kind, lang),
  name: o.name,
  regionCode: o.region_code,
  regionName: o.region_name,
  creditCode: o.credit_code,
  address: o.address,
  status: o.status,
  statusName: statusName(o.status, lang),
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
});

export function organisationRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/orgs',
    {
      config: { access: { permission: ORG_READ } },
      schema: {
        tags,
        summary: '组织机构列表 List organisations (filter, search, page)',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationPage },
      },
    },
    async (req) => {
      const r = await listOrganisations(s, req.ctx, req.query);
      return {
        items: r.rows.map((o) => presentOrganisation(o, req.ctx.lang)),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    '/api/orgs/tree',
    {
      config: { access: { permission: ORG_READ } },
      schema: {
        tags,
        summary: '组织机构树 Organisation tree (flat, with parentId and childCount)',
        querystring: OrganisationTreeQuery,
        response: { 200: OrganisationTree },
      },
    },
    async (req) =>
      (await listOrganisationTree(s, req.ctx, req.query)).map((o) => ({
        id: o.id,
        parentId: o.parent_id,
        name: o.name,
        kind: o.kind,
        kindName: kindName(o.kind, req.ctx.lang),
        regionCode: o.region_code,
        regionName: o.region_name,
        status: o.status,
        childCount: o.child_count,
      })),
  );

  app.get(
    '/api/orgs/kinds',
    {
      config: { access: { permission: ORG_READ } },
      schema: {
        tags,
        summary: '组织类型 Organisation kinds with labels',
        response: { 200: OrganisationKindView },
      },
    },
    async (req) =>
      KIND_KEYS.map((kind) => ({
        kind,
        name: kindName(kind, req.ctx.lang),
        creditCodeRequired: creditCodeRequired(kind),
      })),
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { access: { permission: ORG_READ } },
      schema: {
        tags,
        summary: '组织机构详情 One organisation',
        params: OrganisationIdParams,
        response: { 200: OrganisationView },
      },
    },
    async (req) => presentOrganisation(await getOrganisation(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.post(
    '/api/orgs',
    {
      config: { access: { permission: ORG_WRITE } },
      schema: {
        tags,
        summary: '新增组织机构 Create an organisation',
        body: CreateOrganisationBody,
        response: { 201: OrganisationView },
      },
    },
    async (req, reply) => {
      const created = await createOrganisation(s, req.ctx, req.body);
      return reply.code(201).send(presentOrganisation(created, req.ctx.lang));
    },
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { access: { permission: ORG_WRITE } },
      schema: {
        tags,
        summary: '修改或撤销组织机构 Update or close an organisation (status: closed)',
        params: OrganisationIdParams,
        body: UpdateOrganisationBody,
        response: { 200: OrganisationView },
      },
    },
    async (req) =>
      presentOrganisation(await updateOrganisation(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );
}
