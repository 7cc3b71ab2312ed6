import { type Static, type TSchema, Type } from 'typebox';
import { pageOf, pageQueryFields } from '../http/pagination.ts';
import { KIND_KEYS } from './organisation.rules.ts';

export const OrganisationId = Type.String({ format: 'uuid', description: 'organisation id (UUID)' });

export const OrganisationKind = Type.Enum(KIND_KEYS, { description: KIND_KEYS.join(' | ') });

export const OrganisationStatus = Type.Union([Type.Literal('active'), Type.Literal('closed')], {
  description: 'active 正常 | closed 已撤销 (organisations are never deleted, only closed)',
});

const RegionCodeParam = Type.String({ pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 region code' });
const CreditCode = Type.String({
  maxLength: 40,
  description:
    '统一社会信用代码, 18 characters (GB 32100); upper-cased on save; required for enterprise and contractor',
});
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The presenter: exactly these fields leave the server. */
export const OrganisationView = Type.Object(
  {
    id: Type.String(),
    parentId: Nullable(Type.String()),
    parentName: Nullable(Type.String()),
    kind: OrganisationKind,
    kindName: Type.String({ description: "kind label in the caller's language (zh-CN or en)" }),
    name: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    creditCode: Nullable(Type.String()),
    address: Nullable(Type.String()),
    status: OrganisationStatus,
    statusName: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'OrganisationView' },
);

export const OrganisationPage = pageOf(OrganisationView);

export const OrganisationListQuery = Type.Object(
  {
    kind: Type.Optional(OrganisationKind),
    regionCode: Type.Optional(RegionCodeParam),
    parentId: Type.Optional(OrganisationId),
    status: Type.Optional(OrganisationStatus),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'part of the name, or the start of the credit code' }),
    ),
    ...pageQueryFields,
  },
  { title: 'OrganisationListQuery', additionalProperties: false },
);

export const OrganisationTreeQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCodeParam),
    status: Type.Optional(OrganisationStatus),
  },
  { title: 'OrganisationTreeQuery', additionalProperties: false },
);

export const OrganisationTreeNode = Type.Object(
  {
    id: Type.String(),
    parentId: Nullable(Type.String()),
    name: Type.String(),
    kind: OrganisationKind,
    kindName: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    status: OrganisationStatus,
    childCount: Type.Integer({ description: 'children of this node within this list' }),
  },
  { title: 'OrganisationTreeNode' },
);

export const OrganisationTree = Type.Array(OrganisationTreeNode, {
  description:
    'Flat tree: every visible organisation in the region subtree (default: all the caller may see), ordered by name. ' +
    'Build the tree from parentId; a node whose parentId is null or not in the list is a root of this view ' +
    '(its parent lies outside the region filter or the caller’s scope). childCount counts children in this list.',
});

export const OrganisationKindView = Type.Array(
  Type.Object({
    kind: OrganisationKind,
    name: Type.String(),
    creditCodeRequired: Type.Boolean(),
  }),
);

export const CreateOrganisationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: OrganisationKind,
    regionCode: RegionCodeParam,
    parentId: Type.Optional(Nullable(OrganisationId)),
    creditCode: Type.Optional(Nullable(CreditCode)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { title: 'CreateOrganisationBody', additionalProperties: false },
);

export const UpdateOrganisationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(OrganisationKind),
    regionCode: Type.Optional(RegionCodeParam),
    parentId: Type.Optional(Nullable(OrganisationId)),
    creditCode: Type.Optional(Nullable(CreditCode)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    status: Type.Optional(OrganisationStatus),
  },
  { title: 'UpdateOrganisationBody', additionalProperties: false, minProperties: 1 },
);

export const OrganisationIdParams = Type.Object({ id: OrganisationId }, { title: 'OrganisationIdParams' });

export type OrganisationListQuery = Static<typeof OrganisationListQuery>;
export type OrganisationTreeQuery = Static<typeof OrganisationTreeQuery>;
export type CreateOrganisationInput = Static<typeof CreateOrganisationBody>;
export type UpdateOrganisationInput = Static<typeof UpdateOrganisationBody>;
