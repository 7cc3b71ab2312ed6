import { Type } from 'typebox';
import { type ExcelListDef, IdParams, type ListParams } from '../../../platform/kit/index.ts';
import { areaText, unitLabel } from './community.rules.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';
import type { QuestionResult } from './survey.rules.ts';
import { notHeard, surveyResults } from './survey.service.ts';

/**
 * A survey's results (one row per option or score, overall then per building) and its units not
 * yet heard, as Excel exports.
 */

const surveyIdOf = (params: ListParams): string => params.id ?? '';
const NoQuery = Type.Object({}, { additionalProperties: false });

export interface ResultLine {
  scope: string;
  position: number;
  question: string;
  answer: string;
  count: number;
  base: number;
  percent: number;
}

/** One line per option (choice) or score (rating) of each question; text questions give their count. */
function linesOf(scope: string, questions: QuestionResult[]): ResultLine[] {
  return questions.flatMap((q): ResultLine[] => {
    const line = (answer: string, count: number, percent: number) => ({
      scope,
      position: q.position,
      question: q.text,
      answer,
      count,
      base: q.answered,
      percent,
    });
    if (q.kind === 'rating') {
      const rated = q.ratings.reduce((a, b) => a + b, 0);
      return [
        ...q.ratings.map((n, i) => line(`${i + 1}分`, n, rated ? Math.round((n * 1000) / rated) / 10 : 0)),
        line(`平均分 ${q.mean ?? '-'}`, rated, 100),
      ];
    }
    if (q.kind === 'text') return [line('（文字意见）', q.answered, 100)];
    return q.options.map((o) => line(o.label, o.count, o.percent));
  });
}

export const surveyResultExcel: ExcelListDef<ResultLine> = {
  target: 'renewal-survey-results',
  basePath: '/api/renewal/surveys/:id/results',
  parent: { params: IdParams, entityId: surveyIdOf },
  tag: 'renewal-communities',
  title: { zh: '问卷结果', en: 'Survey results' },
  entityType: 'renewal_survey',
  permissions: { read: COMMUNITY_READ, write: COMMUNITY_WRITE },
  export: {
    query: NoQuery,
    audit: 'renewal.survey.results.export',
    columns: [
      { key: 'scope', header: { zh: '范围', en: 'Scope' }, width: 12, value: (r) => r.scope },
      { key: 'position', header: { zh: '题号', en: 'No.' }, width: 6, value: (r) => r.position },
      { key: 'question', header: { zh: '题目', en: 'Question' }, width: 40, value: (r) => r.question },
      { key: 'answer', header: { zh: '选项/分值', en: 'Answer' }, width: 24, value: (r) => r.answer },
      { key: 'count', header: { zh: '人数', en: 'Count' }, width: 8, value: (r) => r.count },
      { key: 'base', header: { zh: '本题答复户数', en: 'Answered' }, width: 12, value: (r) => r.base },
      {
        key: 'percent',
        header: { zh: '比例（%）', en: 'Per cent' },
        width: 10,
        kind: 'number',
        value: (r) => r.percent,
      },
    ],
    async open(s, ctx, _query, _pageSize, params) {
      const r = await surveyResults(s, ctx, surveyIdOf(params));
      const all = ctx.lang === 'en' ? 'All' : '全小区';
      const lines = [
        ...linesOf(all, r.result.questions),
        ...r.result.byBuilding.flatMap((b) => linesOf(b.name, b.questions)),
      ];
      async function* pages() {
        yield lines;
      }
      return { total: lines.length, filters: { surveyId: r.survey.id }, pages: pages() };
    },
  },
};

interface NotHeardLine {
  building: string;
  label: string;
  area: number;
  linked: boolean;
}

export const notHeardExcel: ExcelListDef<NotHeardLine> = {
  target: 'renewal-survey-not-heard',
  basePath: '/api/renewal/surveys/:id/not-heard',
  parent: { params: IdParams, entityId: surveyIdOf },
  tag: 'renewal-communities',
  title: { zh: '未答复住户', en: 'Units not heard' },
  entityType: 'renewal_survey',
  permissions: { read: COMMUNITY_READ, write: COMMUNITY_WRITE },
  export: {
    query: NoQuery,
    audit: 'renewal.survey.not_heard.export',
    columns: [
      { key: 'building', header: { zh: '楼栋', en: 'Building' }, width: 10, value: (r) => r.building },
      { key: 'label', header: { zh: '房号', en: 'Unit' }, width: 20, value: (r) => r.label },
      {
        key: 'area',
        header: { zh: '专有部分面积（㎡）', en: 'Area (m²)' },
        width: 14,
        kind: 'number',
        numFmt: '0.00',
        value: (r) => r.area,
      },
      {
        key: 'linked',
        header: { zh: '链接状态', en: 'Link' },
        width: 10,
        value: (r, lang) => (r.linked ? (lang === 'en' ? 'live' : '有效') : lang === 'en' ? 'none' : '无'),
      },
    ],
    async open(s, ctx, _query, _pageSize, params) {
      const r = await notHeard(s, ctx, surveyIdOf(params));
      const lines = r.rows.map((u) => ({
        building: u.building_name,
        label: unitLabel(u),
        area: Number(areaText(u.area_centi)),
        linked: u.link_expires_at !== null,
      }));
      async function* pages() {
        yield lines;
      }
      return { total: lines.length, filters: { surveyId: r.survey.id }, pages: pages() };
    },
  },
};
