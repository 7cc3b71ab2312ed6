import { type Static, Type } from 'typebox';
import { Nullable, Uuid, uuid } from '../../../platform/kit/index.ts';
import { SurveyCan } from './community.policy.ts';

/** Bodies and views of the surveys (问需/问效), the link sheet, the results and the residents' pages. */

export const PhaseSchema = Type.Union([Type.Literal('needs'), Type.Literal('satisfaction')]);
export const QuestionKindSchema = Type.Union([
  Type.Literal('single'),
  Type.Literal('multiple'),
  Type.Literal('rating'),
  Type.Literal('text'),
]);

export const QuestionBody = Type.Object(
  {
    kind: QuestionKindSchema,
    text: Type.String({ minLength: 1, maxLength: 200 }),
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  },
  { title: 'QuestionBody', additionalProperties: false },
);

export const CreateSurveyBody = Type.Object(
  {
    phase: PhaseSchema,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    intro: Type.Optional(Type.String({ maxLength: 1000 })),
    /** Without questions the phase's template is used (问需: 要不要改、哪些要改、改成什么样; 问效: ratings). */
    questions: Type.Optional(Type.Array(QuestionBody, { minItems: 1, maxItems: 30 })),
  },
  { title: 'CreateSurveyBody', additionalProperties: false },
);
export type CreateSurveyInput = Static<typeof CreateSurveyBody>;

export const UpdateSurveyBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    intro: Type.Optional(Type.String({ maxLength: 1000 })),
    questions: Type.Optional(Type.Array(QuestionBody, { minItems: 1, maxItems: 30 })),
  },
  { title: 'UpdateSurveyBody', additionalProperties: false },
);

export const OpenSurveyBody = Type.Object(
  { linksExpireOn: Type.Optional(Type.String({ description: 'last day the links work, YYYY-MM-DD' })) },
  { title: 'OpenSurveyBody', additionalProperties: false },
);

export const SurveyUnitParams = Type.Object(
  { id: Uuid, unitId: uuid('the unit') },
  { title: 'SurveyUnitParams', additionalProperties: false },
);

export const AnswerBody = Type.Object(
  {
    questionId: Uuid,
    optionIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    text: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'AnswerBody', additionalProperties: false },
);
export const AnswersBody = Type.Object(
  { answers: Type.Array(AnswerBody, { maxItems: 30 }) },
  { title: 'AnswersBody', additionalProperties: false },
);

export const OptionView = Type.Object({ id: Type.String(), label: Type.String() }, { title: 'OptionView' });
export const QuestionView = Type.Object(
  {
    id: Type.String(),
    position: Type.Integer(),
    kind: Type.String(),
    kindName: Type.String(),
    text: Type.String(),
    required: Type.Boolean(),
    options: Type.Array(OptionView),
  },
  { title: 'QuestionView' },
);

export const SurveySummary = Type.Object(
  {
    id: Type.String(),
    communityId: Type.String(),
    phase: Type.String(),
    phaseName: Type.String(),
    title: Type.String(),
    status: Type.String(),
    statusName: Type.String(),
    respondents: Type.Integer(),
    openedAt: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    linksExpireAt: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { title: 'SurveySummary' },
);

export const SurveyView = Type.Object(
  {
    ...SurveySummary.properties,
    communityName: Type.String(),
    intro: Type.String(),
    units: Type.Integer(),
    linksIssued: Type.Integer(),
    linksUsed: Type.Integer(),
    can: SurveyCan,
    questions: Type.Array(QuestionView),
  },
  { title: 'SurveyView' },
);

export const LinkSheetView = Type.Object(
  {
    surveyId: Type.String(),
    title: Type.String(),
    communityName: Type.String(),
    expiresAt: Nullable(Type.String()),
    rows: Type.Array(
      Type.Object({
        unitId: Type.String(),
        label: Type.String(),
        buildingName: Type.String(),
        /** Path of the resident page: /r/s/<token>; the web puts the public address (GONGFU_PUBLIC_URL) before it. */
        path: Type.String(),
        used: Type.Boolean(),
      }),
    ),
  },
  { title: 'SurveyLinkSheetView' },
);

export const ReissuedLink = Type.Object(
  {
    unitId: Type.String(),
    label: Type.String(),
    path: Type.String(),
    expiresAt: Type.String(),
  },
  { title: 'ReissuedLink' },
);

const QuestionResultView = Type.Object({
  questionId: Type.String(),
  position: Type.Integer(),
  kind: Type.String(),
  text: Type.String(),
  answered: Type.Integer(),
  options: Type.Array(
    Type.Object({ id: Type.String(), label: Type.String(), count: Type.Integer(), percent: Type.Number() }),
  ),
  ratings: Type.Array(Type.Integer()),
  mean: Nullable(Type.Number()),
});

export const ResultsView = Type.Object(
  {
    surveyId: Type.String(),
    phase: Type.String(),
    status: Type.String(),
    /** Published: the figures as they were published. */
    frozen: Type.Boolean(),
    publishedAt: Nullable(Type.String()),
    units: Type.Integer(),
    respondents: Type.Integer(),
    online: Type.Integer(),
    paper: Type.Integer(),
    responseRate: Type.Number(),
    questions: Type.Array(QuestionResultView),
    byBuilding: Type.Array(
      Type.Object({
        buildingId: Type.String(),
        name: Type.String(),
        units: Type.Integer(),
        respondents: Type.Integer(),
        responseRate: Type.Number(),
        questions: Type.Array(QuestionResultView),
      }),
    ),
    /** Satisfaction (问效): respondents rating the overall question 4 or 5, of those rating it. */
    satisfaction: Nullable(
      Type.Object({ rated: Type.Integer(), satisfied: Type.Integer(), rate: Type.Number() }),
    ),
    /** Free-text answers, each distinct text once with how many units gave it, the most given first. */
    texts: Type.Array(Type.Object({ questionId: Type.String(), text: Type.String(), count: Type.Integer() })),
  },
  { title: 'ResultsView' },
);

export const NotHeardView = Type.Object(
  {
    unitId: Type.String(),
    buildingId: Type.String(),
    buildingName: Type.String(),
    label: Type.String(),
    areaCenti: Type.Integer(),
    /** Has the unit a live link? */
    linked: Type.Boolean(),
  },
  { title: 'NotHeardView' },
);

export const UnitResponseView = Type.Object(
  {
    unitId: Type.String(),
    label: Type.String(),
    response: Nullable(
      Type.Object({
        id: Type.String(),
        channel: Type.String(),
        submittedAt: Type.String(),
        correctedAt: Nullable(Type.String()),
      }),
    ),
    answers: Type.Array(
      Type.Object({
        questionId: Type.String(),
        optionId: Nullable(Type.String()),
        rating: Nullable(Type.Integer()),
        text: Nullable(Type.String()),
      }),
    ),
  },
  { title: 'UnitResponseView' },
);

// ---------------------------------------------------------------- residents

export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100 }) },
  { title: 'TokenParams', additionalProperties: false },
);

export const ResidentSurveyView = Type.Object(
  {
    title: Type.String(),
    intro: Type.String(),
    phase: Type.String(),
    communityName: Type.String(),
    /** The resident's own unit: 3幢1单元302室. */
    unitLabel: Type.String(),
    /** Who runs the survey, named on the page: the project's owner organisation, else the county's 住房和城乡建设局. */
    organiser: Type.String({
      description:
        'who runs the survey, named at the foot of the page: the owner organisation of the community’s renovation project, else the housing and construction bureau of its county (e.g. 天台县住房和城乡建设局)',
    }),
    expiresAt: Type.String(),
    questions: Type.Array(QuestionView),
  },
  { title: 'ResidentSurveyView' },
);

export const ResidentSubmitted = Type.Object(
  { ok: Type.Boolean(), message: Type.String() },
  { title: 'ResidentSubmitted' },
);
