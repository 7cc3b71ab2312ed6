import { type Static, Type } from 'typebox';
import { type GongfuApp, IdParams, type Lang, type PlatformServices } from '../../../platform/kit/index.ts';
import { presentCommunity } from './community.present.ts';
import {
  labelOf,
  PHASE_NAMES,
  QUESTION_KIND_NAMES,
  SURVEY_STATUS_NAMES,
  unitLabel,
} from './community.rules.ts';
import { AcceptanceBody, CommunityView } from './community.schemas.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';
import { getCommunity } from './community.service.ts';
import type { SurveyRow } from './survey.repo.ts';
import type { QuestionDef } from './survey.rules.ts';
import {
  AnswersBody,
  CreateSurveyBody,
  LinkSheetView,
  NotHeardView,
  OpenSurveyBody,
  type QuestionView,
  ReissuedLink,
  ResultsView,
  SurveySummary,
  SurveyUnitParams,
  SurveyView,
  UnitResponseView,
  UpdateSurveyBody,
} from './survey.schemas.ts';
import {
  closeSurvey,
  createSurvey,
  enterPaperAnswers,
  getSurvey,
  listSurveys,
  notHeard,
  openSurvey,
  publishSurvey,
  recordAcceptance,
  reissueLink,
  surveyLinks,
  surveyResults,
  unitResponse,
  updateSurvey,
} from './survey.service.ts';

const tags = ['renewal-communities'];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Where a resident opens a survey link (the web app's public route). */
export const surveyPath = (token: string) => `/r/s/${token}`;

export const presentQuestion = (q: QuestionDef, lang: Lang): Static<typeof QuestionView> => ({
  id: q.id,
  position: q.position,
  kind: q.kind,
  kindName: labelOf(QUESTION_KIND_NAMES[q.kind], lang),
  text: q.text,
  required: q.required,
  options: q.options,
});

export const presentSurveySummary = (
  x: SurveyRow & { respondents?: string | number | null },
  lang: Lang,
): Static<typeof SurveySummary> => ({
  id: x.id,
  communityId: x.community_id,
  phase: x.phase,
  phaseName: labelOf(PHASE_NAMES[x.phase], lang),
  title: x.title,
  status: x.status,
  statusName: labelOf(SURVEY_STATUS_NAMES[x.status], lang),
  respondents: Number(x.respondents ?? 0),
  openedAt: iso(x.opened_at),
  closedAt: iso(x.closed_at),
  publishedAt: iso(x.published_at),
  linksExpireAt: iso(x.links_expire_at),
  createdAt: new Date(x.created_at).toISOString(),
});

type SurveyDetail = Awaited<ReturnType<typeof getSurvey>>;

export const presentSurvey = (d: SurveyDetail, lang: Lang): Static<typeof SurveyView> => ({
  ...presentSurveySummary({ ...d.survey, respondents: d.respondents }, lang),
  communityName: d.community.name,
  intro: d.survey.intro,
  units: d.units,
  linksIssued: d.linksIssued,
  linksUsed: d.linksUsed,
  can: d.can,
  questions: d.questions.map((q) => presentQuestion(q, lang)),
});

export type ResultsData = Awaited<ReturnType<typeof surveyResults>>;

export const presentResults = (r: ResultsData): Static<typeof ResultsView> => ({
  surveyId: r.survey.id,
  phase: r.survey.phase,
  status: r.survey.status,
  frozen: r.frozen,
  publishedAt: iso(r.survey.published_at),
  ...r.result,
  texts: r.texts.map((t) => ({ questionId: t.question_id, text: t.text ?? '', count: Number(t.n) })),
});

export function surveyRoutes(app: GongfuApp, s: PlatformServices) {
  const read = { access: { permission: COMMUNITY_READ } };
  const write = { access: { permission: COMMUNITY_WRITE } };

  app.get(
    '/api/renewal/communities/:id/surveys',
    {
      config: read,
      schema: {
        tags,
        summary: '问卷 Surveys of a community (问需 before, 问效 after)',
        params: IdParams,
        response: { 200: Type.Array(SurveySummary) },
      },
    },
    async (req) =>
      (await listSurveys(s, req.ctx, req.params.id)).map((x) => presentSurveySummary(x, req.ctx.lang)),
  );

  app.post(
    '/api/renewal/communities/:id/surveys',
    {
      config: write,
      schema: {
        tags,
        summary: '新建问卷 Create a survey (from the phase’s template unless questions are given)',
        params: IdParams,
        body: CreateSurveyBody,
        response: { 201: SurveyView },
      },
    },
    async (req, reply) => {
      const d = await createSurvey(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentSurvey(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/surveys/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '问卷详情 A survey with its questions',
        params: IdParams,
        response: { 200: SurveyView },
      },
    },
    async (req) => presentSurvey(await getSurvey(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.patch(
    '/api/renewal/surveys/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改问卷 Edit a draft survey (title, intro, questions)',
        params: IdParams,
        body: UpdateSurveyBody,
        response: { 200: SurveyView },
      },
    },
    async (req) => presentSurvey(await updateSurvey(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  app.post(
    '/api/renewal/surveys/:id/open',
    {
      config: write,
      schema: {
        tags,
        summary: '发布问卷 Open a survey: one one-time link per unit',
        params: IdParams,
        body: OpenSurveyBody,
        response: { 200: SurveyView },
      },
    },
    async (req) => presentSurvey(await openSurvey(s, req.ctx, req.params.id, req.body ?? {}), req.ctx.lang),
  );
  for (const [path, summary, run] of [
    ['close', '截止问卷 Close a survey: unused links stop working', closeSurvey],
    ['publish', '公布结果 Publish a closed survey’s result (figures frozen)', publishSurvey],
  ] as const) {
    app.post(
      `/api/renewal/surveys/:id/${path}`,
      { config: write, schema: { tags, summary, params: IdParams, response: { 200: SurveyView } } },
      async (req) => presentSurvey(await run(s, req.ctx, req.params.id), req.ctx.lang),
    );
  }

  app.get(
    '/api/renewal/surveys/:id/links',
    {
      config: write,
      schema: {
        tags,
        summary: '链接清单 The units’ one-time links for printing (audited)',
        params: IdParams,
        response: { 200: LinkSheetView },
      },
    },
    async (req) => {
      const r = await surveyLinks(s, req.ctx, req.params.id);
      return {
        surveyId: r.survey.id,
        title: r.survey.title,
        communityName: r.community.name,
        expiresAt: iso(r.survey.links_expire_at),
        rows: r.rows.map((l) => ({
          unitId: l.unit.id,
          label: unitLabel(l.unit),
          buildingName: l.unit.building_name,
          path: surveyPath(l.token),
          used: l.used,
        })),
      };
    },
  );

  app.post(
    '/api/renewal/surveys/:id/units/:unitId/link',
    {
      config: write,
      schema: {
        tags,
        summary: '重发链接 A new link for one unit (the old one stops working)',
        params: SurveyUnitParams,
        response: { 200: ReissuedLink },
      },
    },
    async (req) => {
      const r = await reissueLink(s, req.ctx, req.params.id, req.params.unitId);
      return {
        unitId: r.unit.id,
        label: unitLabel(r.unit),
        path: surveyPath(r.token),
        expiresAt: r.expiresAt.toISOString(),
      };
    },
  );

  const presentUnitResponse = (
    r: Awaited<ReturnType<typeof unitResponse>>,
  ): Static<typeof UnitResponseView> => ({
    unitId: r.unit.id,
    label: unitLabel(r.unit),
    response: r.response
      ? {
          id: r.response.id,
          channel: r.response.channel,
          submittedAt: new Date(r.response.submitted_at).toISOString(),
          correctedAt: iso(r.response.corrected_at),
        }
      : null,
    answers: r.answers.map((a) => ({
      questionId: a.question_id,
      optionId: a.option_id,
      rating: a.rating,
      text: a.text,
    })),
  });

  app.get(
    '/api/renewal/surveys/:id/units/:unitId/response',
    {
      config: write,
      schema: {
        tags,
        summary: '住户答卷 A unit’s answer sheet',
        params: SurveyUnitParams,
        response: { 200: UnitResponseView },
      },
    },
    async (req) => presentUnitResponse(await unitResponse(s, req.ctx, req.params.id, req.params.unitId)),
  );

  app.put(
    '/api/renewal/surveys/:id/units/:unitId/response',
    {
      config: write,
      schema: {
        tags,
        summary: '录入/更正纸质答卷 Enter a unit’s paper answers, or correct its answers (audited)',
        params: SurveyUnitParams,
        body: AnswersBody,
        response: { 200: UnitResponseView, 201: UnitResponseView },
      },
    },
    async (req, reply) => {
      const r = await enterPaperAnswers(s, req.ctx, req.params.id, req.params.unitId, req.body.answers);
      reply.status(r.created ? 201 : 200);
      return presentUnitResponse(r);
    },
  );

  app.get(
    '/api/renewal/surveys/:id/results',
    {
      config: read,
      schema: {
        tags,
        summary: '问卷结果 Results per question, overall and per building (frozen once published)',
        params: IdParams,
        response: { 200: ResultsView },
      },
    },
    async (req) => presentResults(await surveyResults(s, req.ctx, req.params.id)),
  );

  app.get(
    '/api/renewal/surveys/:id/not-heard',
    {
      config: read,
      schema: {
        tags,
        summary: '未答复住户 Units not yet heard',
        params: IdParams,
        response: { 200: Type.Array(NotHeardView) },
      },
    },
    async (req) =>
      (await notHeard(s, req.ctx, req.params.id)).rows.map((u) => ({
        unitId: u.id,
        buildingId: u.building_id,
        buildingName: u.building_name,
        label: unitLabel(u),
        areaCenti: u.area_centi,
        linked: u.link_expires_at !== null,
      })),
  );

  app.post(
    '/api/renewal/communities/:id/acceptance',
    {
      config: write,
      schema: {
        tags,
        summary: '竣工验收 Record the acceptance with the satisfaction its published survey reached',
        params: IdParams,
        body: AcceptanceBody,
        response: { 201: CommunityView },
      },
    },
    async (req, reply) => {
      await recordAcceptance(s, req.ctx, req.params.id, req.body);
      const r = await getCommunity(s, req.ctx, req.params.id);
      reply.status(201);
      return presentCommunity(r.row, r.can, req.ctx.lang);
    },
  );
}
