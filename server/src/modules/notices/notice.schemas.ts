import { Type } from 'typebox';

export const NoticeView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
});

export const CreateNoticeBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 100 }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    regionCode: Type.String({ pattern: '^[0-9]{2,12}$' }),
  },
  { additionalProperties: false },
);
