import {
  addDays,
  checkDate,
  conflict,
  invalid,
  notFound,
  type PlatformServices,
  type RequestContext,
  requiredText,
  shanghaiInstant,
  todayOf,
} from '../../../platform/kit/index.ts';
import {
  type CommunityAccess,
  communitySurveysPolicy,
  communityToChange,
  communityToRead,
} from './community.policy.ts';
import {
  communityTotals,
  findCommunityRow,
  findUnit,
  listUnitsWithOwners,
  lockCommunity,
  setCommunityStatus,
} from './community.repo.ts';
import { unitLabel } from './community.rules.ts';
import { organiserOf } from './community.service.ts';
import type { SurveyPhase } from './community.tables.ts';
import { countTokens, revokeTokens } from './resident-token.repo.ts';
import {
  consumeResidentToken,
  issueResidentTokens,
  liveLinks,
  openResidentToken,
  revokeAllResidentTokens,
} from './resident-token.service.ts';
import {
  countAnsweredBy,
  countAnswers,
  countByBuilding,
  findAcceptance,
  findPublishedSatisfaction,
  findResponseOfUnit,
  findSurvey,
  insertAcceptance,
  insertResponse,
  insertResponsesWithAnswers,
  insertSurvey,
  listAnswers,
  listNotHeard,
  listQuestions,
  listSurveysOf,
  listTextAnswers,
  lockSurvey,
  markCorrected,
  markTokensUsed,
  patchSurvey,
  replaceAnswers,
  replaceQuestions,
  type SurveyRow,
} from './survey.repo.ts';
import {
  type AnswerInput,
  checkAnswers,
  checkOpenable,
  checkQuestions,
  DEFAULT_TITLES,
  percentOf,
  type QuestionInput,
  questionResults,
  type SurveyResult,
  satisfactionOf,
  TEMPLATES,
} from './survey.rules.ts';

/**
 * Use cases of the surveys before (问需) and after (问效) the works: build from a template,
 * open (one link per unit), close, publish (the figures frozen), staff entering paper answers,
 * results per question and per building, the units not yet heard, the residents' answers by
 * link, and the acceptance recording the satisfaction reached. Policy first, writes audited.
 */

export const surveyNotFound = (id: string) =>
  notFound({ zh: `问卷 ${id}`, en: `Survey ${id}` }, 'RENEWAL_SURVEY_NOT_FOUND');

/** How long links stay valid when the survey opens without a date. */
export const DEFAULT_LINK_DAYS = 30;
/** Distinct text answers shown per question in the results. */
const TEXTS_SHOWN = 50;

/** The instant after the last day a link works (Asia/Shanghai). */
const endOfDay = (date: string): Date => shanghaiInstant(addDays(date, 1));

interface SurveyAccess extends CommunityAccess {
  survey: SurveyRow;
}

async function surveyToRead(s: PlatformServices, ctx: RequestContext, id: string): Promise<SurveyAccess> {
  const survey = await findSurvey(s.db, id);
  if (!survey) throw surveyNotFound(id);
  try {
    return { ...(await communityToRead(s, ctx, survey.community_id)), survey };
  } catch (e) {
    if ((e as { code?: string }).code === 'RENEWAL_COMMUNITY_NOT_FOUND') throw surveyNotFound(id);
    throw e;
  }
}

async function surveyToChange(s: PlatformServices, ctx: RequestContext, id: string): Promise<SurveyAccess> {
  const survey = await findSurvey(s.db, id);
  if (!survey) throw surveyNotFound(id);
  try {
    return { ...(await communityToChange(s, ctx, survey.community_id)), survey };
  } catch (e) {
    if ((e as { code?: string }).code === 'RENEWAL_COMMUNITY_NOT_FOUND') throw surveyNotFound(id);
    throw e;
  }
}

const wrongStatus = (expected: string, en: string) =>
  conflict('status', {
    zh: `只有${expected}的问卷才能这样操作`,
    en: `Only a survey that is ${en} allows this`,
  });

// ---------------------------------------------------------------- build, open, close, publish

export async function createSurvey(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: {
    phase: SurveyPhase;
    title?: string | undefined;
    intro?: string | undefined;
    questions?: QuestionInput[] | undefined;
  },
) {
  await communityToChange(s, ctx, communityId);
  const title =
    input.title === undefined ? DEFAULT_TITLES[input.phase] : requiredText('title', input.title, 100);
  const questions = checkQuestions(input.questions ?? TEMPLATES[input.phase]);
  const intro = input.intro?.trim() ?? '';
  const id = await s.write(ctx, async (tx, audit) => {
    const { id } = await insertSurvey(tx, {
      communityId,
      phase: input.phase,
      title,
      intro,
      createdBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await replaceQuestions(tx, id, questions);
    await audit({
      action: 'renewal.survey.create',
      entityType: 'renewal_survey',
      entityId: id,
      after: {
        communityId,
        phase: input.phase,
        title,
        questions: questions.length,
        template: !input.questions,
      },
    });
    return id;
  });
  return getSurvey(s, ctx, id);
}

export async function updateSurvey(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: { title?: string | undefined; intro?: string | undefined; questions?: QuestionInput[] | undefined },
) {
  await surveyToChange(s, ctx, id);
  const questions = input.questions ? checkQuestions(input.questions) : undefined;
  const title = input.title === undefined ? undefined : requiredText('title', input.title, 100);
  await s.write(ctx, async (tx, audit) => {
    const before = await lockSurvey(tx, id);
    if (before.status !== 'draft') throw wrongStatus('草稿状态', 'a draft');
    await patchSurvey(
      tx,
      id,
      { ...(title ? { title } : {}), ...(input.intro !== undefined ? { intro: input.intro.trim() } : {}) },
      s.clock.now(),
    );
    if (questions) await replaceQuestions(tx, id, questions);
    await audit({
      action: 'renewal.survey.update',
      entityType: 'renewal_survey',
      entityId: id,
      before: { title: before.title },
      after: { title: title ?? before.title, ...(questions ? { questions: questions.length } : {}) },
    });
  });
  return getSurvey(s, ctx, id);
}

export async function getSurvey(s: PlatformServices, ctx: RequestContext, id: string) {
  const { community, actor } = await surveyToRead(s, ctx, id);
  const [questions, tokens, totals, surveys] = await Promise.all([
    listQuestions(s.db, id),
    countTokens(s.db, 'survey', id),
    communityTotals(s.db, community.id),
    listSurveysOf(s.db, community.id),
  ]);
  const respondents = Number(surveys.find((x) => x.id === id)?.respondents ?? 0);
  return {
    survey: (await findSurvey(s.db, id))!,
    community,
    can: communitySurveysPolicy.can(actor, community),
    questions,
    units: totals.units,
    respondents,
    linksIssued: Number(tokens.issued),
    linksUsed: Number(tokens.used),
  };
}

export async function listSurveys(s: PlatformServices, ctx: RequestContext, communityId: string) {
  await communityToRead(s, ctx, communityId);
  return listSurveysOf(s.db, communityId);
}

/** Opens the survey: one link per unit of the community, valid until `linksExpireOn` (default 30 days). */
export async function openSurvey(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: { linksExpireOn?: string | undefined },
) {
  const { community } = await surveyToChange(s, ctx, id);
  const today = todayOf(s);
  const lastDay = input.linksExpireOn
    ? checkDate('linksExpireOn', input.linksExpireOn)
    : addDays(today, DEFAULT_LINK_DAYS);
  if (lastDay < today) {
    throw invalid('linksExpireOn', {
      zh: `链接有效期不能早于今天（${today}）`,
      en: `The links cannot expire before today (${today})`,
    });
  }
  const units = await listUnitsWithOwners(s.db, community.id);
  if (units.length === 0) {
    throw conflict('units', {
      zh: '小区还没有登记住户，请先在“楼栋与住户”中添加或导入住户',
      en: 'The community has no units yet; add or import the households first',
    });
  }
  await s.write(ctx, async (tx, audit) => {
    const before = await lockSurvey(tx, id);
    if (before.status !== 'draft') throw wrongStatus('草稿状态', 'a draft');
    const questions = await listQuestions(tx, id);
    checkOpenable(
      before.phase,
      questions.map((q) => q.kind),
    );
    const expiresAt = endOfDay(lastDay);
    const at = s.clock.now();
    await patchSurvey(tx, id, { status: 'open', opened_at: at, links_expire_at: expiresAt }, at);
    await issueResidentTokens(s, tx, {
      purpose: 'survey',
      subjectId: id,
      communityId: community.id,
      holders: units.map((u) => ({ unitId: u.id })),
      expiresAt,
    });
    await audit({
      action: 'renewal.survey.open',
      entityType: 'renewal_survey',
      entityId: id,
      after: { links: units.length, linksExpireOn: lastDay },
    });
  });
  return getSurvey(s, ctx, id);
}

/** Closes the survey: every link still unused stops working. */
export async function closeSurvey(s: PlatformServices, ctx: RequestContext, id: string) {
  await surveyToChange(s, ctx, id);
  await s.write(ctx, async (tx, audit) => {
    const before = await lockSurvey(tx, id);
    if (before.status !== 'open') throw wrongStatus('征集中', 'open');
    const at = s.clock.now();
    await patchSurvey(tx, id, { status: 'closed', closed_at: at }, at);
    const revoked = await revokeAllResidentTokens(s, tx, 'survey', id);
    await audit({
      action: 'renewal.survey.close',
      entityType: 'renewal_survey',
      entityId: id,
      after: { revoked },
    });
  });
  return getSurvey(s, ctx, id);
}

/** The results as they stand, counted from the responses. */
async function computeResults(s: PlatformServices, survey: SurveyRow): Promise<SurveyResult> {
  const db = s.db;
  const [questions, counts, answered, buildings] = await Promise.all([
    listQuestions(db, survey.id),
    countAnswers(db, survey.id),
    countAnsweredBy(db, survey.id),
    countByBuilding(db, survey.id, survey.community_id),
  ]);
  const answeredMap = (buildingId?: string) => {
    const m = new Map<string, number>();
    for (const a of answered)
      if (buildingId === undefined || a.building_id === buildingId)
        m.set(a.question_id, (m.get(a.question_id) ?? 0) + a.n);
    return m;
  };
  const overall = questionResults(questions, counts, answeredMap());
  const sum = (k: 'units' | 'respondents' | 'online' | 'paper') => buildings.reduce((a, b) => a + b[k], 0);
  return {
    units: sum('units'),
    respondents: sum('respondents'),
    online: sum('online'),
    paper: sum('paper'),
    responseRate: percentOf(sum('respondents'), sum('units')),
    questions: overall,
    byBuilding: buildings.map((b) => ({
      buildingId: b.id,
      name: b.name,
      units: b.units,
      respondents: b.respondents,
      responseRate: percentOf(b.respondents, b.units),
      questions: questionResults(
        questions,
        counts.filter((c) => c.building_id === b.id),
        answeredMap(b.id),
      ),
    })),
    satisfaction: survey.phase === 'satisfaction' ? satisfactionOf(overall) : null,
  };
}

/** Publishes the result of a closed survey; the figures are kept as they are now. */
export async function publishSurvey(s: PlatformServices, ctx: RequestContext, id: string) {
  const { survey } = await surveyToChange(s, ctx, id);
  const result = await computeResults(s, survey);
  await s.write(ctx, async (tx, audit) => {
    const before = await lockSurvey(tx, id);
    if (before.status !== 'closed') throw wrongStatus('已截止', 'closed');
    const at = s.clock.now();
    await patchSurvey(tx, id, { status: 'published', published_at: at, result: JSON.stringify(result) }, at);
    await audit({
      action: 'renewal.survey.publish',
      entityType: 'renewal_survey',
      entityId: id,
      after: { units: result.units, respondents: result.respondents, satisfaction: result.satisfaction },
    });
  });
  return getSurvey(s, ctx, id);
}

/** Results: frozen as published, or live while the survey runs; with the latest text answers. */
export async function surveyResults(s: PlatformServices, ctx: RequestContext, id: string) {
  const { survey } = await surveyToRead(s, ctx, id);
  const result =
    survey.status === 'published' && survey.result
      ? (survey.result as SurveyResult)
      : await computeResults(s, survey);
  const texts = await listTextAnswers(s.db, id, TEXTS_SHOWN);
  return { survey, result, texts, frozen: survey.status === 'published' };
}

export async function notHeard(s: PlatformServices, ctx: RequestContext, id: string) {
  const { survey } = await surveyToRead(s, ctx, id);
  return { survey, rows: await listNotHeard(s.db, id, survey.community_id) };
}

// ---------------------------------------------------------------- links

/** The live links of an open survey with their units, for the printed link sheet (audited: links are keys). */
export async function surveyLinks(s: PlatformServices, ctx: RequestContext, id: string) {
  const { survey, community } = await surveyToChange(s, ctx, id);
  if (survey.status !== 'open') throw wrongStatus('征集中', 'open');
  const [links, units] = await Promise.all([
    liveLinks(s, 'survey', id),
    listUnitsWithOwners(s.db, community.id),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  await s.write(ctx, async (_tx, audit) => {
    await audit({
      action: 'renewal.survey.links.view',
      entityType: 'renewal_survey',
      entityId: id,
      after: { links: links.length },
    });
  });
  const rows = links
    .flatMap((l) => {
      const u = l.unitId ? byId.get(l.unitId) : undefined;
      return u ? [{ ...l, unit: u }] : [];
    })
    .sort((a, b) => units.indexOf(a.unit) - units.indexOf(b.unit));
  return { survey, community, rows };
}

/** A new link for one unit (the old one stops working); refused once the unit has answered. */
export async function reissueLink(s: PlatformServices, ctx: RequestContext, id: string, unitId: string) {
  const { survey, community } = await surveyToChange(s, ctx, id);
  const unit = await findUnit(s.db, unitId);
  if (!unit || unit.community_id !== community.id) throw unitNotInCommunity();
  return s.write(ctx, async (tx, audit) => {
    const current = await lockSurvey(tx, id);
    if (current.status !== 'open') throw wrongStatus('征集中', 'open');
    if (await findResponseOfUnit(tx, id, unitId)) throw alreadyAnswered(unitLabel(unit));
    const [link] = await issueResidentTokens(s, tx, {
      purpose: 'survey',
      subjectId: id,
      communityId: community.id,
      holders: [{ unitId }],
      expiresAt: new Date(current.links_expire_at ?? survey.links_expire_at ?? s.clock.now()),
    });
    await audit({
      action: 'renewal.survey.link.reissue',
      entityType: 'renewal_survey',
      entityId: id,
      after: { unitId, label: unitLabel(unit) },
    });
    return { unit, token: link!.token, expiresAt: new Date(current.links_expire_at ?? s.clock.now()) };
  });
}

const unitNotInCommunity = () =>
  invalid('unitId', {
    zh: '住户不存在或不属于本小区',
    en: 'The unit does not exist or is not in this community',
  });

const alreadyAnswered = (label: string) =>
  conflict(
    'unitId',
    {
      zh: `${label} 已经答复过本问卷，每户只能答复一次；如需更正，请使用“更正纸质答卷”`,
      en: `${label} has already answered; each unit answers once. To correct it, edit its answer sheet`,
    },
    'RENEWAL_SURVEY_ALREADY_ANSWERED',
  );

// ---------------------------------------------------------------- paper answers

/** The answer sheet a unit gave (for staff to look at or correct). */
export async function unitResponse(s: PlatformServices, ctx: RequestContext, id: string, unitId: string) {
  const { community } = await surveyToChange(s, ctx, id);
  const unit = await findUnit(s.db, unitId);
  if (!unit || unit.community_id !== community.id) throw unitNotInCommunity();
  const response = await findResponseOfUnit(s.db, id, unitId);
  return { unit, response: response ?? null, answers: response ? await listAnswers(s.db, response.id) : [] };
}

/**
 * Staff enter a unit's paper answer sheet (纸质问卷), or correct a unit's answers (online or
 * paper) — audited with the answers before and after. A unit answers once: entering a paper
 * sheet withdraws the unit's link. Allowed while the survey is open or closed (sheets
 * collected before the deadline), not once published.
 */
export async function enterPaperAnswers(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  unitId: string,
  answers: AnswerInput[],
) {
  const { community } = await surveyToChange(s, ctx, id);
  const unit = await findUnit(s.db, unitId);
  if (!unit || unit.community_id !== community.id) throw unitNotInCommunity();
  const questions = await listQuestions(s.db, id);
  const rows = checkAnswers(questions, answers);
  const r = await s.write(ctx, async (tx, audit) => {
    const survey = await lockSurvey(tx, id);
    if (survey.status !== 'open' && survey.status !== 'closed')
      throw wrongStatus('征集中或已截止', 'open or closed');
    const at = s.clock.now();
    const existing = await findResponseOfUnit(tx, id, unitId);
    if (existing) {
      const before = await listAnswers(tx, existing.id);
      await replaceAnswers(tx, existing.id, rows);
      await markCorrected(tx, existing.id, ctx.principal?.userId ?? null, at);
      await audit({
        action: 'renewal.survey.response.correct',
        entityType: 'renewal_survey_response',
        entityId: existing.id,
        before: { surveyId: id, unit: unitLabel(unit), channel: existing.channel, answers: before },
        after: { answers: rows },
      });
      return { id: existing.id, created: false };
    }
    const { id: responseId } = await insertResponse(tx, {
      surveyId: id,
      unitId,
      channel: 'paper',
      tokenId: null,
      enteredBy: ctx.principal?.userId ?? null,
      at,
    });
    await replaceAnswers(tx, responseId, rows);
    // the unit has answered: its link must not give a second answer
    await revokeTokens(tx, 'survey', id, at, { unitIds: [unitId] });
    await audit({
      action: 'renewal.survey.response.paper',
      entityType: 'renewal_survey_response',
      entityId: responseId,
      after: { surveyId: id, unit: unitLabel(unit), answers: rows.length },
    });
    return { id: responseId, created: true };
  });
  return { ...(await unitResponse(s, ctx, id, unitId)), created: r.created };
}

/**
 * Answer sheets of many units at once, in one transaction with one audit entry: paper sheets
 * typed in from a spreadsheet, or answers collected with the units' links (`tokenId`: that
 * link is marked used). Each unit answers once; the units' other links are withdrawn. Used by
 * the demo data.
 */
export async function recordResponsesInBulk(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  entries: Array<{ unitId: string; tokenId?: string | null; answers: AnswerInput[] }>,
) {
  const { community } = await surveyToChange(s, ctx, id);
  const questions = await listQuestions(s.db, id);
  const rows = entries.map((e, i) => {
    try {
      return { unitId: e.unitId, tokenId: e.tokenId ?? null, answers: checkAnswers(questions, e.answers) };
    } catch (err) {
      throw invalid(`entries.${i}`, (err as { text: { zh: string; en: string } }).text);
    }
  });
  return s.write(ctx, async (tx, audit) => {
    const survey = await lockSurvey(tx, id);
    if (survey.status !== 'open') throw wrongStatus('征集中', 'open');
    const at = s.clock.now();
    const units = new Set((await listNotHeard(tx, id, community.id)).map((u) => u.id));
    if (rows.some((r) => !units.has(r.unitId)) || new Set(rows.map((r) => r.unitId)).size !== rows.length) {
      throw conflict('entries', {
        zh: '有住户不属于本小区或已经答复过，每户只能答复一次',
        en: 'A unit is not of this community or has answered already; each unit answers once',
      });
    }
    const used = rows.flatMap((r) => (r.tokenId ? [r.tokenId] : []));
    await markTokensUsed(tx, used, at);
    const paperUnits = rows.filter((r) => !r.tokenId).map((r) => r.unitId);
    if (paperUnits.length) await revokeTokens(tx, 'survey', id, at, { unitIds: paperUnits });
    await insertResponsesWithAnswers(
      tx,
      id,
      rows.map((r) => ({
        unitId: r.unitId,
        channel: r.tokenId ? ('online' as const) : ('paper' as const),
        tokenId: r.tokenId,
        enteredBy: r.tokenId ? null : (ctx.principal?.userId ?? null),
        answers: r.answers,
      })),
      at,
    );
    await audit({
      action: 'renewal.survey.response.bulk',
      entityType: 'renewal_survey',
      entityId: id,
      after: { online: used.length, paper: paperUnits.length },
    });
    return { online: used.length, paper: paperUnits.length };
  });
}

// ---------------------------------------------------------------- residents (by one-time link)

/** What a resident sees on opening a link: the survey's questions, the community and their own unit only. */
export async function openResidentSurvey(s: PlatformServices, token: string) {
  const link = await openResidentToken(s, 'survey', token);
  const survey = await findSurvey(s.db, link.subject_id);
  const unit = link.unit_id ? await findUnit(s.db, link.unit_id) : undefined;
  const community = await findCommunityRow(s.db, link.community_id);
  if (!survey || !unit || !community) throw new Error(`survey link ${link.id} names missing records`);
  return {
    survey,
    unit,
    community,
    organiser: await organiserOf(s, community.id),
    questions: await listQuestions(s.db, survey.id),
    expiresAt: new Date(link.expires_at),
  };
}

/** A resident's answers by link: the link is used in the same transaction as the answer is written. */
export async function submitResidentSurvey(
  s: PlatformServices,
  ctx: RequestContext,
  token: string,
  answers: AnswerInput[],
) {
  const { survey, unit } = await openResidentSurvey(s, token);
  const rows = checkAnswers(await listQuestions(s.db, survey.id), answers);
  return s.write(ctx, async (tx, audit) => {
    const link = await consumeResidentToken(s, tx, 'survey', token);
    if (await findResponseOfUnit(tx, survey.id, unit.id)) throw alreadyAnswered(unitLabel(unit));
    const { id } = await insertResponse(tx, {
      surveyId: survey.id,
      unitId: unit.id,
      channel: 'online',
      tokenId: link.id,
      enteredBy: null,
      at: s.clock.now(),
    });
    await replaceAnswers(tx, id, rows);
    await audit({
      action: 'renewal.survey.response.online',
      entityType: 'renewal_survey_response',
      entityId: id,
      actorName: 'resident-link',
      after: { surveyId: survey.id, unit: unitLabel(unit), answers: rows.length },
    });
    return { id, survey, unit };
  });
}

// ---------------------------------------------------------------- acceptance

/**
 * Records the acceptance (竣工验收) of a completed renovation: the satisfaction it reached is
 * taken from the community's latest published satisfaction survey, never typed. The community
 * becomes 'accepted'.
 */
export async function recordAcceptance(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: { acceptedOn: string; acceptedBy: string; note?: string | null | undefined },
) {
  const { community } = await communityToChange(s, ctx, communityId);
  const acceptedOn = checkDate('acceptedOn', input.acceptedOn);
  const today = todayOf(s);
  if (acceptedOn > today) {
    throw invalid('acceptedOn', {
      zh: `验收日期不能晚于今天（${today}）`,
      en: `The acceptance date cannot be after today (${today})`,
    });
  }
  const acceptedBy = requiredText('acceptedBy', input.acceptedBy, 200);
  if (community.status !== 'completed') {
    throw conflict('status', {
      zh: '只有“已完工”的小区才能登记竣工验收，请先把改造状态改为已完工',
      en: 'Only a completed renovation can be accepted; set the status to completed first',
    });
  }
  const survey = await findPublishedSatisfaction(s.db, communityId);
  const sat = (survey?.result as SurveyResult | null | undefined)?.satisfaction;
  if (!survey || !sat) {
    throw conflict('surveyId', {
      zh: '验收前须公布本小区的满意度调查（问效于民）结果，满意率取自公布的结果',
      en: 'Publish the community’s satisfaction survey first: the acceptance takes its satisfaction rate from the published result',
    });
  }
  await s.write(ctx, async (tx, audit) => {
    await lockCommunity(tx, communityId);
    if (await findAcceptance(tx, communityId)) {
      throw conflict('acceptedOn', { zh: '本小区已登记竣工验收', en: 'The acceptance is already recorded' });
    }
    const at = s.clock.now();
    await insertAcceptance(tx, {
      communityId,
      acceptedOn,
      acceptedBy,
      surveyId: survey.id,
      satisfied: sat.satisfied,
      rated: sat.rated,
      note: input.note?.trim() || null,
      recordedBy: ctx.principal?.userId ?? null,
      at,
    });
    await setCommunityStatus(tx, communityId, 'accepted', at);
    await audit({
      action: 'renewal.community.accept',
      entityType: 'renewal_community',
      entityId: communityId,
      before: { status: community.status },
      after: { status: 'accepted', acceptedOn, acceptedBy, surveyId: survey.id, satisfaction: sat },
    });
  });
}
