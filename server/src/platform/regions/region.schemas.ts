import { Type } from 'typebox';

export const RegionView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    level: Type.Integer(),
    levelName: Type.String(),
    pinyin: Type.String(),
    hasChildren: Type.Optional(Type.Boolean()),
    /** Names from the province down to this region, e.g. 浙江省 / 湖州市 / 安吉县. */
    path: Type.Optional(Type.Array(Type.Object({ code: Type.String(), name: Type.String() }))),
  },
  { title: 'RegionView' },
);

export const RegionCode = Type.String({
  pattern: '^[0-9]{2,12}$',
  description: 'GB/T 2260 code, 2–12 digits',
});

export const RegionChildrenQuery = Type.Object(
  { parent: Type.Optional(RegionCode) },
  { title: 'RegionChildrenQuery', additionalProperties: false },
);

export const RegionSearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'code prefix, pinyin initials or part of the name',
    }),
    within: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { title: 'RegionSearchQuery', additionalProperties: false },
);
