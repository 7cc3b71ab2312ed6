import { invalid } from '../../../platform/kit/index.ts';
import type { QuestionKind, SurveyPhase } from './community.tables.ts';

/**
 * Pure rules of the surveys: the two templates, the questions a survey may have, the answers
 * a response may give, and the results as counted (the counting itself is SQL, see
 * survey.repo.ts; here the counts are put together per question).
 *
 * Satisfaction rate (满意率) = respondents rating the survey's first rating question (the
 * overall one, "总体满意度") 4 (满意) or 5 (非常满意), divided by the respondents who rated it.
 */

export interface QuestionInput {
  kind: QuestionKind;
  text: string;
  required?: boolean | undefined;
  options?: string[] | undefined;
}

/** The 问需 template: 要不要改、哪些要改、改成什么样 (the questions of the Anji practice). */
export const NEEDS_TEMPLATE: QuestionInput[] = [
  {
    kind: 'single',
    text: '您是否同意本小区实施老旧小区改造？（要不要改）',
    required: true,
    options: ['同意', '不同意'],
  },
  {
    kind: 'multiple',
    text: '您认为哪些方面最需要改造？（哪些要改，可多选）',
    required: true,
    options: [
      '屋面防水',
      '外墙修缮',
      '管网改造与雨污分流',
      '停车位与道路',
      '加装电梯',
      '绿化与公共空间',
      '安防监控与门禁',
      '适老化与无障碍设施',
      '充电设施',
      '垃圾分类设施',
    ],
  },
  { kind: 'text', text: '您希望小区改成什么样？还有哪些意见建议？（改成什么样）', required: false },
];

/** The 问效 template: the overall rating first (it gives the satisfaction rate), then items. */
export const SATISFACTION_TEMPLATE: QuestionInput[] = [
  { kind: 'rating', text: '您对本次小区改造的总体满意度（1 很不满意 — 5 非常满意）', required: true },
  { kind: 'rating', text: '施工质量', required: true },
  { kind: 'rating', text: '施工期间的文明施工与安全', required: true },
  { kind: 'rating', text: '改造后的环境与设施', required: true },
  { kind: 'text', text: '您对改造还有什么意见建议？', required: false },
];

export const TEMPLATES: Record<SurveyPhase, QuestionInput[]> = {
  needs: NEEDS_TEMPLATE,
  satisfaction: SATISFACTION_TEMPLATE,
};

export const DEFAULT_TITLES: Record<SurveyPhase, string> = {
  needs: '老旧小区改造居民意愿调查（问需于民）',
  satisfaction: '老旧小区改造居民满意度调查（问效于民）',
};

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 500;

export interface CleanQuestion {
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: string[];
}

/** Checks a questionnaire (400 naming `questions.i.…`). */
export function checkQuestions(list: QuestionInput[]): CleanQuestion[] {
  if (list.length === 0 || list.length > MAX_QUESTIONS) {
    throw invalid('questions', {
      zh: `问卷应有 1–${MAX_QUESTIONS} 个问题`,
      en: `A questionnaire has 1 to ${MAX_QUESTIONS} questions`,
    });
  }
  return list.map((q, i) => {
    const text = q.text.trim();
    if (!text || text.length > 200) {
      throw invalid(`questions.${i}.text`, {
        zh: `请填写第 ${i + 1} 题的题目（不超过 200 个字）`,
        en: `Give the text of question ${i + 1} (at most 200 characters)`,
      });
    }
    const options = (q.options ?? []).map((o) => o.trim()).filter((o) => o.length > 0);
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && (options.length < 2 || options.length > MAX_OPTIONS)) {
      throw invalid(`questions.${i}.options`, {
        zh: `第 ${i + 1} 题是选择题，请给出 2–${MAX_OPTIONS} 个选项`,
        en: `Question ${i + 1} is a choice: give 2 to ${MAX_OPTIONS} options`,
      });
    }
    if (choice && new Set(options).size !== options.length) {
      throw invalid(`questions.${i}.options`, {
        zh: `第 ${i + 1} 题有重复的选项`,
        en: `Question ${i + 1} has the same option twice`,
      });
    }
    if (!choice && options.length > 0) {
      throw invalid(`questions.${i}.options`, {
        zh: `第 ${i + 1} 题不是选择题，不能设置选项`,
        en: `Question ${i + 1} is not a choice and has no options`,
      });
    }
    return { kind: q.kind, text, required: q.required ?? q.kind !== 'text', options: choice ? options : [] };
  });
}

/** A satisfaction survey needs its overall rating question (the first rating question). */
export function checkOpenable(phase: SurveyPhase, kinds: QuestionKind[]): void {
  if (phase === 'satisfaction' && !kinds.includes('rating')) {
    throw invalid('questions', {
      zh: '满意度调查至少要有一道评分题（第一道评分题为总体满意度）',
      en: 'A satisfaction survey needs a rating question (the first one is the overall rating)',
    });
  }
}

export interface AnswerInput {
  questionId: string;
  optionIds?: string[] | undefined;
  rating?: number | undefined;
  text?: string | undefined;
}

export interface QuestionDef {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  position: number;
  options: Array<{ id: string; label: string }>;
}

export interface AnswerRow {
  questionId: string;
  optionId: string | null;
  rating: number | null;
  text: string | null;
}

/** The answer rows of one response, checked against the questions (400 naming `answers.i.…`). */
export function checkAnswers(questions: QuestionDef[], answers: AnswerInput[]): AnswerRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const rows: AnswerRow[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) {
      throw invalid(`answers.${i}.questionId`, {
        zh: '问卷中没有这道题，请刷新页面后重新填写',
        en: 'This question is not in the survey; reload the page and answer again',
      });
    }
    if (seen.has(q.id)) {
      throw invalid(`answers.${i}.questionId`, {
        zh: `第 ${q.position} 题回答了两次`,
        en: `Question ${q.position} is answered twice`,
      });
    }
    seen.add(q.id);
    const where = `answers.${i}`;
    if (q.kind === 'single' || q.kind === 'multiple') {
      const ids = [...new Set(a.optionIds ?? [])];
      const known = new Set(q.options.map((o) => o.id));
      if (ids.some((id) => !known.has(id))) {
        throw invalid(`${where}.optionIds`, {
          zh: `第 ${q.position} 题的选项不存在，请重新选择`,
          en: `An option of question ${q.position} does not exist; choose again`,
        });
      }
      if (q.kind === 'single' && ids.length > 1) {
        throw invalid(`${where}.optionIds`, {
          zh: `第 ${q.position} 题是单选题，只能选一项`,
          en: `Question ${q.position} takes one choice only`,
        });
      }
      for (const id of ids) rows.push({ questionId: q.id, optionId: id, rating: null, text: null });
    } else if (q.kind === 'rating') {
      if (a.rating !== undefined) {
        if (!Number.isInteger(a.rating) || a.rating < 1 || a.rating > 5) {
          throw invalid(`${where}.rating`, {
            zh: `第 ${q.position} 题请打 1–5 分`,
            en: `Rate question ${q.position} from 1 to 5`,
          });
        }
        rows.push({ questionId: q.id, optionId: null, rating: a.rating, text: null });
      }
    } else {
      const text = a.text?.trim() ?? '';
      if (text.length > MAX_TEXT_ANSWER) {
        throw invalid(`${where}.text`, {
          zh: `第 ${q.position} 题最多 ${MAX_TEXT_ANSWER} 个字`,
          en: `Question ${q.position} takes at most ${MAX_TEXT_ANSWER} characters`,
        });
      }
      if (text) rows.push({ questionId: q.id, optionId: null, rating: null, text });
    }
  });
  const answered = new Set(rows.map((r) => r.questionId));
  for (const q of questions) {
    if (q.required && !answered.has(q.id)) {
      const i = answers.findIndex((a) => a.questionId === q.id);
      throw invalid(i >= 0 ? `answers.${i}` : 'answers', {
        zh: `请回答第 ${q.position} 题：${q.text}`,
        en: `Please answer question ${q.position}: ${q.text}`,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------- results

/** A count from SQL: per question, option or rating, and building. */
export interface CountRow {
  building_id: string;
  question_id: string;
  option_id: string | null;
  rating: number | null;
  n: number;
}

export interface QuestionResult {
  questionId: string;
  position: number;
  kind: QuestionKind;
  text: string;
  /** Respondents who answered the question. */
  answered: number;
  options: Array<{ id: string; label: string; count: number; percent: number }>;
  /** Count of each score 1–5 (rating questions). */
  ratings: number[];
  mean: number | null;
}

export interface SurveyResult {
  units: number;
  respondents: number;
  online: number;
  paper: number;
  /** Respondents / units, per cent. */
  responseRate: number;
  questions: QuestionResult[];
  byBuilding: Array<{
    buildingId: string;
    name: string;
    units: number;
    respondents: number;
    responseRate: number;
    questions: QuestionResult[];
  }>;
  satisfaction: null | { rated: number; satisfied: number; rate: number };
}

export const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;

/** The per-question results from the counts (already restricted to one building, or not). */
export function questionResults(
  questions: QuestionDef[],
  counts: CountRow[],
  answeredBy: Map<string, number>,
): QuestionResult[] {
  return questions.map((q) => {
    const answered = answeredBy.get(q.id) ?? 0;
    const mine = counts.filter((c) => c.question_id === q.id);
    const optionCount = (id: string) => mine.filter((c) => c.option_id === id).reduce((a, c) => a + c.n, 0);
    const ratings = [1, 2, 3, 4, 5].map((r) =>
      mine.filter((c) => c.rating === r).reduce((a, c) => a + c.n, 0),
    );
    const rated = ratings.reduce((a, b) => a + b, 0);
    const sum = ratings.reduce((a, n, i) => a + n * (i + 1), 0);
    return {
      questionId: q.id,
      position: q.position,
      kind: q.kind,
      text: q.text,
      answered,
      options: q.options.map((o) => {
        const count = optionCount(o.id);
        return { id: o.id, label: o.label, count, percent: percentOf(count, answered) };
      }),
      ratings: q.kind === 'rating' ? ratings : [],
      mean: q.kind === 'rating' && rated > 0 ? Math.round((sum * 100) / rated) / 100 : null,
    };
  });
}

/** Satisfaction of the first rating question: those rating 4 or 5 among those who rated it. */
export function satisfactionOf(
  results: QuestionResult[],
): { rated: number; satisfied: number; rate: number } | null {
  const overall = results.find((q) => q.kind === 'rating');
  if (!overall) return null;
  const rated = overall.ratings.reduce((a, b) => a + b, 0);
  const satisfied = (overall.ratings[3] ?? 0) + (overall.ratings[4] ?? 0);
  return { rated, satisfied, rate: percentOf(satisfied, rated) };
}
