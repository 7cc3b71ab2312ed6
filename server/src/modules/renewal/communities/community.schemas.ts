import { type Static, Type } from 'typebox';
import { CodeLabel, Nullable, Uuid, uuid } from '../../../platform/kit/index.ts';
import { CommunityCan } from './community.policy.ts';

/** Bodies, queries and views of the community register. Areas are hundredths of m² (integers). */

export const CommunityStatusSchema = Type.Union([
  Type.Literal('planned'),
  Type.Literal('surveying'),
  Type.Literal('designing'),
  Type.Literal('voting'),
  Type.Literal('construction'),
  Type.Literal('completed'),
  Type.Literal('accepted'),
]);
export const OwnerKindSchema = Type.Union([Type.Literal('person'), Type.Literal('organisation')]);

const Name = Type.String({ minLength: 1, maxLength: 100 });
export const RegionCode = Type.String({
  pattern: '^[0-9]{2,12}$',
  description: 'region code, e.g. 330523001',
});
const AreaCenti = Type.Integer({
  minimum: 1,
  maximum: 99_999_999,
  description: 'exclusive area (专有部分面积) in hundredths of m²: 89.37 m² is 8937',
});

export const CommunityParams = Type.Object(
  { id: Uuid, itemId: uuid('id of the building, unit or owner') },
  { title: 'CommunityParams', additionalProperties: false },
);

export const CreateCommunityBody = Type.Object(
  {
    name: Name,
    regionCode: RegionCode,
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    yearBuilt: Type.Optional(Nullable(Type.Integer({ minimum: 1900, maximum: 2100 }))),
    batch: Type.Optional(
      Nullable(Type.String({ maxLength: 50, description: 'renovation batch (改造批次), e.g. 2023年第一批' })),
    ),
    status: Type.Optional(CommunityStatusSchema),
    projectId: Type.Optional(Nullable(uuid('the renewal project carrying out the works'))),
  },
  { title: 'CreateCommunityBody', additionalProperties: false },
);
export type CreateCommunityInput = Static<typeof CreateCommunityBody>;

export const UpdateCommunityBody = Type.Partial(CreateCommunityBody, { additionalProperties: false });
export type UpdateCommunityInput = Static<typeof UpdateCommunityBody>;

export const AcceptanceView = Type.Object(
  {
    acceptedOn: Type.String(),
    acceptedBy: Type.String(),
    surveyId: Type.String(),
    satisfied: Type.Integer(),
    rated: Type.Integer(),
    /** Per cent with one decimal. */
    satisfactionRate: Type.Number(),
    note: Nullable(Type.String()),
  },
  { title: 'AcceptanceView' },
);

export const CommunityView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    address: Nullable(Type.String()),
    yearBuilt: Nullable(Type.Integer()),
    batch: Nullable(Type.String()),
    status: Type.String(),
    statusName: Type.String(),
    project: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    buildingCount: Type.Integer(),
    unitCount: Type.Integer(),
    ownerCount: Type.Integer(),
    areaCenti: Type.Integer(),
    acceptance: Nullable(AcceptanceView),
    /** May the caller change the register (and see owners' names), run its ballots? */
    can: CommunityCan,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'CommunityView' },
);

/** A line of the communities list: what its table shows (the whole record is GET /api/renewal/communities/:id). */
export const CommunityItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    regionName: Type.String(),
    yearBuilt: Nullable(Type.Integer()),
    batch: Nullable(Type.String()),
    status: CommunityStatusSchema,
    statusName: Type.String(),
    unitCount: Type.Integer(),
    ownerCount: Type.Integer(),
    areaCenti: Type.Integer(),
    acceptedOn: Nullable(Type.String({ description: 'YYYY-MM-DD, once the renovation is accepted' })),
    satisfactionRate: Nullable(
      Type.Number({
        description: 'residents satisfied, per cent with one decimal; null: not accepted or nobody rated',
      }),
    ),
  },
  { title: 'CommunityItem' },
);

/** What the list's filters offer: the renovation batches in use within the caller's scope, the statuses. */
export const CommunityOptions = Type.Object(
  { batches: Type.Array(Type.String()), statuses: Type.Array(CodeLabel) },
  { title: 'CommunityOptions' },
);

// ---------------------------------------------------------------- buildings

export const CreateBuildingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30, description: '楼栋, e.g. 3幢' }),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { title: 'CreateBuildingBody', additionalProperties: false },
);
export type CreateBuildingInput = Static<typeof CreateBuildingBody>;
export const UpdateBuildingBody = Type.Partial(CreateBuildingBody, { additionalProperties: false });

export const BuildingView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    position: Type.Integer(),
    unitCount: Type.Integer(),
    areaCenti: Type.Integer(),
  },
  { title: 'BuildingView' },
);

// ---------------------------------------------------------------- units and owners

export const CreateUnitBody = Type.Object(
  {
    buildingId: Uuid,
    entrance: Type.Optional(
      Type.String({ maxLength: 10, description: '单元, e.g. 1 (empty: one entrance)' }),
    ),
    room: Type.String({ minLength: 1, maxLength: 20, description: '室, e.g. 302' }),
    areaCenti: AreaCenti,
    ownerId: Type.Optional(uuid('an owner already registered in the community')),
    ownerName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ownerKind: Type.Optional(OwnerKindSchema),
  },
  { title: 'CreateUnitBody', additionalProperties: false },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;
export const UpdateUnitBody = Type.Partial(CreateUnitBody, { additionalProperties: false });
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

export const OwnerRef = Type.Object(
  {
    id: Type.String(),
    /** Masked (张**) for callers who may not see owners' names. */
    name: Type.String(),
    kind: Type.String(),
    kindName: Type.String(),
  },
  { title: 'OwnerRef' },
);

export const UnitView = Type.Object(
  {
    id: Type.String(),
    buildingId: Type.String(),
    buildingName: Type.String(),
    entrance: Type.String(),
    room: Type.String(),
    /** 3幢1单元302室 */
    label: Type.String(),
    areaCenti: Type.Integer(),
    owner: OwnerRef,
  },
  { title: 'UnitView' },
);

/** A line of a community's units: what its table shows. */
export const UnitItem = Type.Object(
  {
    id: Type.String(),
    /** 3幢1单元302室 */
    label: Type.String(),
    areaCenti: Type.Integer(),
    owner: OwnerRef,
  },
  { title: 'UnitItem' },
);

export const OwnerView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    kindName: Type.String(),
    unitCount: Type.Integer(),
    areaCenti: Type.Integer(),
  },
  { title: 'OwnerView' },
);

export const UpdateOwnerBody = Type.Object(
  { name: Type.Optional(Name), kind: Type.Optional(OwnerKindSchema) },
  { title: 'UpdateOwnerBody', additionalProperties: false },
);
export type UpdateOwnerInput = Static<typeof UpdateOwnerBody>;

export const Deleted = Type.Object({ ok: Type.Boolean() }, { title: 'Deleted' });

// ---------------------------------------------------------------- acceptance

export const AcceptanceBody = Type.Object(
  {
    acceptedOn: Type.String({ description: 'YYYY-MM-DD' }),
    acceptedBy: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'who accepted the works (验收组织单位/人员)',
    }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { title: 'AcceptanceBody', additionalProperties: false },
);
export type AcceptanceInput = Static<typeof AcceptanceBody>;
