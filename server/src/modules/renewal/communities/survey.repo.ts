import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { ResponseChannel, SurveyPhase, SurveyStatus } from './community.tables.ts';
import { cdb } from './community.tables.ts';
import type { AnswerRow, CleanQuestion, CountRow, QuestionDef } from './survey.rules.ts';

/** The only place with queries on surveys, their questions, the units' responses and the acceptance. */

export const insertSurvey = (
  tx: Db,
  v: {
    communityId: string;
    phase: SurveyPhase;
    title: string;
    intro: string;
    createdBy: string | null;
    at: Date;
  },
) =>
  cdb(tx)
    .insertInto('renewal_surveys')
    .values({
      community_id: v.communityId,
      phase: v.phase,
      title: v.title,
      intro: v.intro,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const findSurvey = (db: Db, id: string) =>
  cdb(db).selectFrom('renewal_surveys').selectAll().where('id', '=', id).executeTakeFirst();

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function lockSurvey(tx: Db, id: string): Promise<SurveyRow> {
  return cdb(tx)
    .selectFrom('renewal_surveys')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export const patchSurvey = (
  tx: Db,
  id: string,
  v: Partial<{
    title: string;
    intro: string;
    status: SurveyStatus;
    links_expire_at: Date;
    opened_at: Date;
    closed_at: Date;
    published_at: Date;
    result: string;
  }>,
  at: Date,
) =>
  cdb(tx)
    .updateTable('renewal_surveys')
    .set({ ...v, updated_at: at })
    .where('id', '=', id)
    .execute();

/** The community's surveys, newest first, with how many units answered. */
export const listSurveysOf = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_surveys as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('renewal_survey_responses as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.survey_id', '=', 's.id')
        .as('respondents'),
    ])
    .where('s.community_id', '=', communityId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute();

/** The latest published satisfaction survey of a community. */
export const findPublishedSatisfaction = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_surveys')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('phase', '=', 'satisfaction')
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();

// ---------------------------------------------------------------- questions

export async function replaceQuestions(tx: Db, surveyId: string, list: CleanQuestion[]): Promise<void> {
  await cdb(tx).deleteFrom('renewal_survey_questions').where('survey_id', '=', surveyId).execute();
  const made = await cdb(tx)
    .insertInto('renewal_survey_questions')
    .values(
      list.map((q, i) => ({
        survey_id: surveyId,
        position: i + 1,
        kind: q.kind,
        text: q.text,
        required: q.required,
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const options = made.flatMap((m) =>
    (list[m.position - 1]?.options ?? []).map((label, i) => ({ question_id: m.id, position: i + 1, label })),
  );
  if (options.length > 0) await cdb(tx).insertInto('renewal_survey_options').values(options).execute();
}

/** The survey's questions in order, each with its options in order. */
export async function listQuestions(db: Db, surveyId: string): Promise<QuestionDef[]> {
  const qs = await cdb(db)
    .selectFrom('renewal_survey_questions')
    .select(['id', 'kind', 'text', 'required', 'position'])
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
  if (qs.length === 0) return [];
  const opts = await cdb(db)
    .selectFrom('renewal_survey_options')
    .select(['id', 'question_id', 'label'])
    .where(
      'question_id',
      'in',
      qs.map((q) => q.id),
    )
    .orderBy('question_id')
    .orderBy('position')
    .execute();
  return qs.map((q) => ({
    ...q,
    options: opts.filter((o) => o.question_id === q.id).map((o) => ({ id: o.id, label: o.label })),
  }));
}

// ---------------------------------------------------------------- responses

export const findResponseOfUnit = (db: Db, surveyId: string, unitId: string) =>
  cdb(db)
    .selectFrom('renewal_survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();

export const insertResponse = (
  tx: Db,
  v: {
    surveyId: string;
    unitId: string;
    channel: ResponseChannel;
    tokenId: string | null;
    enteredBy: string | null;
    at: Date;
  },
) =>
  cdb(tx)
    .insertInto('renewal_survey_responses')
    .values({
      survey_id: v.surveyId,
      unit_id: v.unitId,
      channel: v.channel,
      token_id: v.tokenId,
      entered_by: v.enteredBy,
      submitted_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const markCorrected = (tx: Db, responseId: string, by: string | null, at: Date) =>
  cdb(tx)
    .updateTable('renewal_survey_responses')
    .set({ corrected_at: at, corrected_by: by })
    .where('id', '=', responseId)
    .execute();

export async function replaceAnswers(tx: Db, responseId: string, rows: AnswerRow[]): Promise<void> {
  await cdb(tx).deleteFrom('renewal_survey_answers').where('response_id', '=', responseId).execute();
  if (rows.length === 0) return;
  await cdb(tx)
    .insertInto('renewal_survey_answers')
    .values(
      rows.map((r) => ({
        response_id: responseId,
        question_id: r.questionId,
        option_id: r.optionId,
        rating: r.rating,
        text: r.text,
      })),
    )
    .execute();
}

export const listAnswers = (db: Db, responseId: string) =>
  cdb(db)
    .selectFrom('renewal_survey_answers')
    .select(['question_id', 'option_id', 'rating', 'text'])
    .where('response_id', '=', responseId)
    .orderBy('id')
    .execute();

// ---------------------------------------------------------------- results (counted in SQL)

/** Chosen options and ratings counted per building and question. */
export async function countAnswers(db: Db, surveyId: string): Promise<CountRow[]> {
  const rows = await cdb(db)
    .selectFrom('renewal_survey_answers as a')
    .innerJoin('renewal_survey_responses as r', 'r.id', 'a.response_id')
    .innerJoin('renewal_community_units as u', 'u.id', 'r.unit_id')
    .select(['u.building_id', 'a.question_id', 'a.option_id', 'a.rating'])
    .select(sql<string>`count(*)`.as('n'))
    .where('r.survey_id', '=', surveyId)
    .where('a.text', 'is', null)
    .groupBy(['u.building_id', 'a.question_id', 'a.option_id', 'a.rating'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Respondents who answered each question, per building. */
export async function countAnsweredBy(db: Db, surveyId: string) {
  const rows = await cdb(db)
    .selectFrom('renewal_survey_answers as a')
    .innerJoin('renewal_survey_responses as r', 'r.id', 'a.response_id')
    .innerJoin('renewal_community_units as u', 'u.id', 'r.unit_id')
    .select(['u.building_id', 'a.question_id'])
    .select(sql<string>`count(distinct a.response_id)`.as('n'))
    .where('r.survey_id', '=', surveyId)
    .groupBy(['u.building_id', 'a.question_id'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Per building of the community: units, respondents, online and paper ones. */
export async function countByBuilding(db: Db, surveyId: string, communityId: string) {
  const rows = await cdb(db)
    .selectFrom('renewal_community_buildings as b')
    .leftJoin('renewal_community_units as u', 'u.building_id', 'b.id')
    .leftJoin('renewal_survey_responses as r', (j) =>
      j.onRef('r.unit_id', '=', 'u.id').on('r.survey_id', '=', surveyId),
    )
    .select(['b.id', 'b.name', 'b.position'])
    .select([
      sql<string>`count(u.id)`.as('units'),
      sql<string>`count(r.id)`.as('respondents'),
      sql<string>`count(r.id) filter (where r.channel = 'online')`.as('online'),
      sql<string>`count(r.id) filter (where r.channel = 'paper')`.as('paper'),
    ])
    .where('b.community_id', '=', communityId)
    .groupBy(['b.id', 'b.name', 'b.position'])
    .orderBy('b.position')
    .orderBy('b.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    units: Number(r.units),
    respondents: Number(r.respondents),
    online: Number(r.online),
    paper: Number(r.paper),
  }));
}

/**
 * The free-text answers of a survey, each distinct text once with how many gave it: the most
 * given first, then the latest (at most `limit` per question).
 */
export const listTextAnswers = (db: Db, surveyId: string, limit: number) =>
  cdb(db)
    .selectFrom(
      cdb(db)
        .selectFrom('renewal_survey_answers as a')
        .innerJoin('renewal_survey_responses as r', 'r.id', 'a.response_id')
        .select([
          'a.question_id',
          'a.text',
          sql<string>`count(*)`.as('n'),
          sql<number>`row_number() over (partition by a.question_id order by count(*) desc, max(r.submitted_at) desc, a.text)`.as(
            'k',
          ),
        ])
        .where('r.survey_id', '=', surveyId)
        .where('a.text', 'is not', null)
        .groupBy(['a.question_id', 'a.text'])
        .as('t'),
    )
    .select(['t.question_id', 't.text', 't.n'])
    .where('t.k', '<=', limit)
    .orderBy('t.question_id')
    .orderBy('t.k')
    .execute();

/** Units of the community that have not answered the survey, in register order, with their link's state. */
export const listNotHeard = (db: Db, surveyId: string, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_community_units as u')
    .innerJoin('renewal_community_buildings as b', 'b.id', 'u.building_id')
    .leftJoin('renewal_resident_tokens as t', (j) =>
      j
        .onRef('t.unit_id', '=', 'u.id')
        .on('t.purpose', '=', 'survey')
        .on('t.subject_id', '=', surveyId)
        .on('t.revoked_at', 'is', null),
    )
    .select(['u.id', 'u.building_id', 'b.name as building_name', 'u.entrance', 'u.room', 'u.area_centi'])
    .select(['t.expires_at as link_expires_at'])
    .where('u.community_id', '=', communityId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('renewal_survey_responses as r')
            .select('r.id')
            .whereRef('r.unit_id', '=', 'u.id')
            .where('r.survey_id', '=', surveyId),
        ),
      ),
    )
    .orderBy('b.position')
    .orderBy('b.name')
    .orderBy(sql`length(u.entrance)`)
    .orderBy('u.entrance')
    .orderBy(sql`length(u.room)`)
    .orderBy('u.room')
    .execute();

// ---------------------------------------------------------------- acceptance

export const insertAcceptance = (
  tx: Db,
  v: {
    communityId: string;
    acceptedOn: string;
    acceptedBy: string;
    surveyId: string;
    satisfied: number;
    rated: number;
    note: string | null;
    recordedBy: string | null;
    at: Date;
  },
) =>
  cdb(tx)
    .insertInto('renewal_community_acceptances')
    .values({
      community_id: v.communityId,
      accepted_on: v.acceptedOn,
      accepted_by: v.acceptedBy,
      survey_id: v.surveyId,
      satisfied: v.satisfied,
      rated: v.rated,
      note: v.note,
      recorded_by: v.recordedBy,
      created_at: v.at,
    })
    .execute();

export const findAcceptance = (db: Db, communityId: string) =>
  cdb(db)
    .selectFrom('renewal_community_acceptances')
    .selectAll()
    .where('community_id', '=', communityId)
    .executeTakeFirst();

/** Many units' responses with their answers at once (bulk entry); returns the response ids in order. */
export async function insertResponsesWithAnswers(
  tx: Db,
  surveyId: string,
  rows: Array<{
    unitId: string;
    channel: ResponseChannel;
    tokenId: string | null;
    enteredBy: string | null;
    answers: AnswerRow[];
  }>,
  at: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const made = await cdb(tx)
      .insertInto('renewal_survey_responses')
      .values(
        chunk.map((r) => ({
          survey_id: surveyId,
          unit_id: r.unitId,
          channel: r.channel,
          token_id: r.tokenId,
          entered_by: r.enteredBy,
          submitted_at: at,
        })),
      )
      .returning(['id', 'unit_id'])
      .execute();
    const idOf = new Map(made.map((m) => [m.unit_id, m.id]));
    const answers = chunk.flatMap((r) =>
      r.answers.map((a) => ({
        response_id: idOf.get(r.unitId)!,
        question_id: a.questionId,
        option_id: a.optionId,
        rating: a.rating,
        text: a.text,
      })),
    );
    for (let j = 0; j < answers.length; j += 1000)
      await cdb(tx)
        .insertInto('renewal_survey_answers')
        .values(answers.slice(j, j + 1000))
        .execute();
    ids.push(...chunk.map((r) => idOf.get(r.unitId)!));
  }
  return ids;
}

/** Marks these links used (answers recorded with them in bulk). */
export const markTokensUsed = (tx: Db, ids: string[], at: Date) =>
  ids.length === 0
    ? Promise.resolve()
    : cdb(tx)
        .updateTable('renewal_resident_tokens')
        .set({ used_at: at })
        .where('id', 'in', ids)
        .where('used_at', 'is', null)
        .execute()
        .then(() => undefined);
