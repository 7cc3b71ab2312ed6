import { Type } from 'typebox';
import { DATE_PATTERN } from '../kit/dates.ts';

const Day = (description: string) => Type.String({ pattern: DATE_PATTERN, description });

export const MetricKeyParams = Type.Object(
  { key: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

export const MetricQueryString = Type.Object(
  {
    from: Type.Optional(Day('first day of the period (default: 1 January of `to`’s year)')),
    to: Type.Optional(Day('last day of the period, inclusive (default: today, Asia/Shanghai)')),
    regionCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{2,12}$', description: 'region subtree (default: the caller’s scope)' }),
    ),
    by: Type.Optional(
      Type.Literal('region', { description: 'also break the figure down by the region’s sub-regions' }),
    ),
  },
  { additionalProperties: false },
);

export const MetricDefView = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    unit: Type.String(),
    kind: Type.Union([Type.Literal('stock'), Type.Literal('flow')]),
    module: Type.String(),
  },
  { title: 'MetricDefView' },
);

export const MetricDefList = Type.Object({ items: Type.Array(MetricDefView) }, { title: 'MetricDefList' });

export const MetricValueView = Type.Object(
  {
    metric: MetricDefView,
    from: Type.String(),
    to: Type.String(),
    regionCode: Type.Union([Type.String(), Type.Null()], {
      description: 'the region asked for; null: the caller’s whole scope',
    }),
    value: Type.Number(),
    breakdown: Type.Optional(
      Type.Array(
        Type.Object({ regionCode: Type.String(), regionName: Type.String(), value: Type.Number() }),
        { description: 'by sub-region of the region asked for, within the caller’s scope' },
      ),
    ),
  },
  { title: 'MetricValueView' },
);
