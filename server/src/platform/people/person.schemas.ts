import { type Static, type TSchema, Type } from 'typebox';
import { pageOf, pageQueryFields } from '../http/pagination.ts';

const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 code, 2–12 digits' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const PersonId = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: 'person id (uuid)',
});
export const PersonParams = Type.Object({ id: PersonId });

const Name = Type.String({ minLength: 1, maxLength: 50, description: '姓名 name' });
const CitizenIdInput = Type.String({
  maxLength: 40,
  description: '18-character citizen ID (GB 11643); x or X',
});
const MobileInput = Type.String({
  maxLength: 30,
  description: 'mainland mobile number; +86, spaces and dashes allowed',
});

export const CreatePersonBody = Type.Object(
  {
    name: Name,
    citizenId: CitizenIdInput,
    mobile: Type.Optional(Nullable(MobileInput)),
    regionCode: Type.Optional(Nullable(RegionCode)),
  },
  { additionalProperties: false },
);
export type CreatePersonInput = Static<typeof CreatePersonBody>;

/** The citizen ID is immutable; the route rejects it (and derived fields) with a specific message first. */
export const UpdatePersonBody = Type.Object(
  {
    name: Type.Optional(Name),
    mobile: Type.Optional(Nullable(MobileInput)),
    regionCode: Type.Optional(Nullable(RegionCode)),
  },
  { additionalProperties: false },
);
export type UpdatePersonInput = Static<typeof UpdatePersonBody>;

export const UnmaskBody = Type.Object(
  {
    reason: Type.String({
      minLength: 2,
      maxLength: 200,
      description: '事由 why the full values are needed (audited)',
    }),
  },
  { additionalProperties: false },
);

export const LookupBody = Type.Object({ citizenId: CitizenIdInput }, { additionalProperties: false });

export const ListPeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the name' })),
    regionCode: Type.Optional(RegionCode),
    gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    ...pageQueryFields,
  },
  { additionalProperties: false },
);
export type ListPeopleFilter = Static<typeof ListPeopleQuery>;

/**
 * The masked person: what everyone with `person.read` sees. The full birth date is left
 * out on purpose: with the masked ID's first 6 and last 4 characters it would spell out
 * the whole ID, so only the birth year and age are shown.
 */
export const PersonView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  citizenIdMasked: Type.String({ description: 'first 6 and last 4 characters, e.g. 330523********1234' }),
  mobileMasked: Nullable(Type.String({ description: 'e.g. 138****1234' })),
  gender: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  birthYear: Type.Integer(),
  age: Type.Integer({ description: '周岁 on today’s Asia/Shanghai date' }),
  nativeRegionCode: Type.String({ description: '籍贯: first 6 digits of the citizen ID' }),
  regionCode: Nullable(Type.String({ description: 'place of residence' })),
  regionName: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PersonViewT = Static<typeof PersonView>;

/**
 * A page of people. The total is exact when only the residence narrows the list (kept counts)
 * or on the last page; narrowed by name, gender or age, the count stops at the next thousand
 * past the page asked for, and says so.
 */
export const PersonPage = Type.Object({
  ...pageOf(PersonView).properties,
  totalIsLowerBound: Type.Boolean({
    description: 'true: more than `total` people match (the count stopped there); show e.g. "1,000+"',
  }),
});

export const UnmaskedView = Type.Object({
  citizenId: Type.String(),
  mobile: Nullable(Type.String()),
});
