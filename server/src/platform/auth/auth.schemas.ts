import { Type } from 'typebox';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { title: 'LoginBody', additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { title: 'ChangePasswordBody', additionalProperties: false },
);

export const GrantView = Type.Object(
  {
    role: Type.String(),
    regionCode: Type.Union([Type.String(), Type.Null()]),
    organisationId: Type.Union([Type.String(), Type.Null()]),
    programmes: Type.Array(Type.String()),
  },
  { title: 'GrantView' },
);

export const MeView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    grants: Type.Array(GrantView),
    permissions: Type.Array(Type.String()),
  },
  { title: 'MeView' },
);

export const MenuView = Type.Array(
  Type.Object({
    key: Type.String(),
    path: Type.String(),
    label: Type.String(),
    icon: Type.Optional(Type.String()),
    parent: Type.Optional(Type.String()),
    module: Type.String(),
  }),
);

export const Ok = Type.Object({ ok: Type.Boolean() }, { title: 'Ok' });

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
  },
  { title: 'ErrorBody' },
);
