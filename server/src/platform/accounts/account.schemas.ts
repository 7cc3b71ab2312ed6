import { type TSchema, Type } from 'typebox';
import { GrantView } from '../auth/auth.schemas.ts';
import { pageOf, pageQueryFields } from '../http/pagination.ts';

const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: 'UUID',
});
const RegionCode = Type.String({ pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 code, 2–12 digits' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const UserIdParams = Type.Object({ id: Uuid }, { title: 'UserIdParams', additionalProperties: false });

export const GrantInput = Type.Object(
  {
    role: Type.String({
      minLength: 1,
      maxLength: 32,
      description:
        'sysadmin, secadmin, auditor, staff, leader or partner (a partner grant carries organisationId)',
    }),
    regionCode: Type.Optional(Nullable(RegionCode)),
    organisationId: Type.Optional(Nullable(Uuid)),
    programmes: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$', description: 'programme module id' }), {
        maxItems: 20,
        uniqueItems: true,
      }),
    ),
  },
  { title: 'GrantInput', additionalProperties: false },
);

const Grants = Type.Array(GrantInput, { maxItems: 20 });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    organisationId: Type.Optional(Nullable(Uuid)),
    grants: Grants,
  },
  { title: 'CreateUserBody', additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    organisationId: Type.Optional(Nullable(Uuid)),
  },
  { title: 'UpdateUserBody', additionalProperties: false },
);

export const ReplaceGrantsBody = Type.Object(
  { grants: Grants },
  { title: 'ReplaceGrantsBody', additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { title: 'ResetPasswordBody', additionalProperties: false },
);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the username or display name' })),
    role: Type.Optional(
      Type.Union([
        Type.Literal('sysadmin'),
        Type.Literal('secadmin'),
        Type.Literal('auditor'),
        Type.Literal('staff'),
        Type.Literal('leader'),
        Type.Literal('partner'),
      ]),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')]),
    ),
    ...pageQueryFields,
  },
  { title: 'UserListQuery', additionalProperties: false },
);

/** The presenter: the fields an account shows. Never the password hash. */
export const UserView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    organisationId: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    /** True while a lockout after failed sign-ins is in force. */
    locked: Type.Boolean(),
    lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    failedAttempts: Type.Integer(),
    lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    grants: Type.Array(GrantView),
  },
  { title: 'UserView' },
);

export const UserPage = pageOf(UserView);

export const RoleView = Type.Object(
  {
    role: Type.String(),
    name: Type.Object({ zh: Type.String(), en: Type.String() }),
    /** One of the three separated administrator roles (三权分立): never combined with another role. */
    exclusive: Type.Boolean(),
    permissions: Type.Array(Type.String()),
  },
  { title: 'RoleView' },
);

export const ResetPasswordResult = Type.Object(
  { ok: Type.Boolean(), sessionsRevoked: Type.Integer() },
  { title: 'ResetPasswordResult' },
);
