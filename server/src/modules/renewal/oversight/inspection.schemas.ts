import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, pageOf, pageQueryFields, uuid } from '../../../platform/kit/index.ts';
import { FindingInput, FindingView } from './finding.schemas.ts';
import { InspectionCan } from './inspection.policy.ts';
import { ActorView } from './oversight.schemas.ts';

export const CreateInspectionBody = Type.Object(
  {
    projectId: uuid('the project inspected'),
    inspectorOrganisationId: Type.Optional(
      uuid('the inspection firm (kind inspector); default: the project’s inspector'),
    ),
    inspectedOn: dateString('date of the visit (YYYY-MM-DD), not in the future'),
    inspectorNames: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      minItems: 1,
      maxItems: 10,
      description: 'names of the inspectors on the visit',
    }),
    summary: Type.Optional(Type.String({ maxLength: 2000, description: 'overall remarks 总体评价' })),
    findings: Type.Optional(Type.Array(FindingInput, { maxItems: 100 })),
  },
  { title: 'CreateInspectionBody', additionalProperties: false },
);

export const InspectionListQuery = Type.Object(
  {
    projectId: Type.Optional(uuid('only this project')),
    inspectorOrganisationId: Type.Optional(uuid('only visits by this firm')),
    from: Type.Optional(dateString('visited on or after')),
    to: Type.Optional(dateString('visited on or before')),
    ...pageQueryFields,
  },
  { title: 'InspectionListQuery', additionalProperties: false },
);

const InspectionFields = {
  id: Type.String(),
  projectId: Type.String(),
  projectName: Type.String(),
  inspectorOrganisation: OrgRef,
  inspectedOn: Type.String(),
  inspectorNames: Type.Array(Type.String()),
  summary: Nullable(Type.String()),
};

/** The presenter of one visit with its findings. */
export const InspectionView = Type.Object(
  {
    ...InspectionFields,
    findings: Type.Array(FindingView),
    createdBy: Nullable(ActorView),
    createdAt: Type.String({ format: 'date-time' }),
    can: InspectionCan,
  },
  { title: 'InspectionView' },
);

export const InspectionListItem = Type.Object(
  {
    ...InspectionFields,
    findingCount: Type.Integer(),
    unclosedCount: Type.Integer({ description: 'findings not yet closed (销号)' }),
    overdueCount: Type.Integer({ description: 'findings not closed and past their deadline' }),
  },
  { title: 'InspectionListItem' },
);

export const InspectionPage = pageOf(InspectionListItem);

export type CreateInspectionInput = Static<typeof CreateInspectionBody>;
export type InspectionListQuery = Static<typeof InspectionListQuery>;
