import { Type } from 'typebox';
import { DATE_PATTERN, dateString, Nullable, Uuid } from '../../../platform/kit/index.ts';
import { ExceptionKindSchema } from './project.schemas.ts';

/** Bodies and views of a project's calendar exceptions (雨天停工, 其他停工, 加班/补班). */

export const ExceptionParams = Type.Object(
  {
    id: Uuid,
    date: Type.String({ pattern: DATE_PATTERN, description: 'the exception day (YYYY-MM-DD)' }),
  },
  { title: 'ExceptionParams', additionalProperties: false },
);

export const AddExceptionBody = Type.Object(
  {
    date: dateString('the day (YYYY-MM-DD)'),
    kind: ExceptionKindSchema,
    reason: Type.Optional(
      Type.String({ maxLength: 100, description: 'e.g. 暴雨, 台风停工, 停工令; default: the kind’s name' }),
    ),
  },
  { title: 'AddExceptionBody', additionalProperties: false },
);

export const ExceptionItem = Type.Object(
  {
    date: Type.String(),
    kind: ExceptionKindSchema,
    kindName: Type.String(),
    working: Type.Boolean({ description: 'true: an extra working day; false: no work that day' }),
    reason: Type.String(),
    createdBy: Nullable(Type.String({ description: 'account that added it (null: from the register)' })),
  },
  { title: 'ExceptionItem' },
);

export const ExceptionList = Type.Object(
  {
    projectId: Type.String(),
    items: Type.Array(ExceptionItem, { description: 'in date order' }),
    plannedFinish: Type.String({ description: 'the project finish after the latest re-plan' }),
  },
  { title: 'ExceptionList' },
);
