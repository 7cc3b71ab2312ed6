import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, uuid } from '../../../platform/kit/index.ts';
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

/** The presenter of one visit with its findings. */
export const InspectionView = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    inspectorOrganisation: OrgRef,
    inspectedOn: Type.String(),
    inspectorNames: Type.Array(Type.String()),
    summary: Nullable(Type.String()),
    findings: Type.Array(FindingView),
    createdBy: Nullable(ActorView),
    createdAt: Type.String({ format: 'date-time' }),
    can: InspectionCan,
  },
  { title: 'InspectionView' },
);

/** A row of the visits list: what its table shows (the visit's page has the rest). */
export const InspectionListItem = Type.Object(
  {
    id: Type.String(),
    projectName: Type.String(),
    inspectorOrganisation: OrgRef,
    inspectedOn: Type.String(),
    inspectorNames: Type.Array(Type.String()),
    summary: Nullable(Type.String()),
    findingCount: Type.Integer(),
    unclosedCount: Type.Integer({ description: 'findings not yet closed (销号)' }),
    overdueCount: Type.Integer({ description: 'findings not closed and past their deadline' }),
  },
  { title: 'InspectionListItem' },
);

export type CreateInspectionInput = Static<typeof CreateInspectionBody>;
