import { Type } from 'typebox';
import {
  type ExcelListDef,
  type ExportColumn,
  IdParams,
  type Lang,
  type ListParams,
} from '../../../platform/kit/index.ts';
import { presentBallot } from './ballot.routes.ts';
import { ballotDetail, listCommunityBallots } from './ballot.service.ts';
import { BALLOT_READ, BALLOT_WRITE } from './ballots.permissions.ts';
import { presentPlan } from './plan.routes.ts';
import { listCommunityPlans } from './plan.service.ts';
import { presentReview } from './review.routes.ts';
import { listCommunityReviews } from './review.service.ts';

/**
 * A community's lists as Excel exports: its plan versions (one row per item), its review
 * meetings and its ballots with their results (the same presenters as the screen). The
 * programme's ballots and a ballot's vote list are declared lists (ballot.list.ts, vote.list.ts).
 */

const NoFilters = Type.Object({}, { additionalProperties: false });
const idOf = (p: ListParams) => p.id ?? '';
const yuan = (fen: number) => Number((fen / 100).toFixed(2));

async function* once<V>(rows: V[]): AsyncIterable<V[]> {
  if (rows.length > 0) yield rows;
}

const exported = <V>(rows: V[], filters: Record<string, unknown>) => ({
  total: rows.length,
  filters,
  pages: once(rows),
});

// ---------------------------------------------------------------- plan versions

interface PlanItemLine {
  version: number;
  title: string;
  status: string;
  item: string;
  quantity: string;
  costYuan: number;
  totalYuan: number;
}

const PLAN_COLUMNS: ExportColumn<PlanItemLine>[] = [
  { key: 'version', header: { zh: '版本', en: 'Version' }, width: 6, value: (r) => r.version },
  { key: 'title', header: { zh: '方案名称', en: 'Plan' }, width: 28, value: (r) => r.title },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 12, value: (r) => r.status },
  { key: 'item', header: { zh: '改造内容', en: 'Item' }, width: 24, value: (r) => r.item },
  { key: 'quantity', header: { zh: '工程量/说明', en: 'Quantity' }, width: 24, value: (r) => r.quantity },
  {
    key: 'costYuan',
    header: { zh: '估算造价（元）', en: 'Cost (yuan)' },
    width: 14,
    kind: 'money',
    value: (r) => r.costYuan,
  },
  {
    key: 'totalYuan',
    header: { zh: '方案总价（元）', en: 'Plan total (yuan)' },
    width: 14,
    kind: 'money',
    value: (r) => r.totalYuan,
  },
];

export const planExcel: ExcelListDef<PlanItemLine> = {
  target: 'renewal-plans',
  basePath: '/api/renewal/communities/:id/plans',
  parent: { params: IdParams, entityId: idOf },
  tag: 'renewal-ballots',
  title: { zh: '改造方案', en: 'Plan versions' },
  entityType: 'renewal_community',
  permissions: { read: BALLOT_READ, write: BALLOT_WRITE },
  export: {
    query: NoFilters,
    audit: 'renewal.plan.export',
    columns: PLAN_COLUMNS,
    async open(s, ctx, _q, _size, params) {
      const plans = (await listCommunityPlans(s, ctx, idOf(params))).map((d) => presentPlan(d, ctx.lang));
      const rows = plans.flatMap((p) =>
        p.items.map((i) => ({
          version: p.version,
          title: p.title,
          status: p.statusName,
          item: i.name,
          quantity: i.quantity,
          costYuan: yuan(i.costFen),
          totalYuan: yuan(p.totalCostFen),
        })),
      );
      return exported(rows, { communityId: idOf(params) });
    },
  },
};

// ---------------------------------------------------------------- review meetings

type ReviewLine = ReturnType<typeof presentReview>;

export const reviewExcel: ExcelListDef<ReviewLine> = {
  target: 'renewal-plan-reviews',
  basePath: '/api/renewal/communities/:id/plan-reviews',
  parent: { params: IdParams, entityId: idOf },
  tag: 'renewal-ballots',
  title: { zh: '方案评审会', en: 'Plan reviews' },
  entityType: 'renewal_community',
  permissions: { read: BALLOT_READ, write: BALLOT_WRITE },
  export: {
    query: NoFilters,
    audit: 'renewal.plan-review.export',
    columns: [
      { key: 'heldOn', header: { zh: '日期', en: 'Date' }, width: 12, kind: 'date', value: (r) => r.heldOn },
      { key: 'place', header: { zh: '地点', en: 'Place' }, width: 20, value: (r) => r.place },
      { key: 'plan', header: { zh: '方案版本', en: 'Plan version' }, width: 8, value: (r) => r.plan.version },
      {
        key: 'attendees',
        header: { zh: '参会人员', en: 'Attendees' },
        width: 50,
        value: (r) => r.attendees.map((a) => `${a.kindName}:${a.name}`).join('；'),
      },
      {
        key: 'decision',
        header: { zh: '评审结论', en: 'Decision' },
        width: 16,
        value: (r) => r.decisionName,
      },
      { key: 'notes', header: { zh: '修改意见', en: 'Notes' }, width: 40, value: (r) => r.decisionNotes },
      { key: 'minutes', header: { zh: '会议纪要', en: 'Minutes' }, width: 60, value: (r) => r.minutes },
    ],
    async open(s, ctx, _q, _size, params) {
      const rows = (await listCommunityReviews(s, ctx, idOf(params))).map((d) => presentReview(d, ctx.lang));
      return exported(rows, { communityId: idOf(params) });
    },
  },
};

// ---------------------------------------------------------------- ballots with results

type BallotLine = ReturnType<typeof presentBallot>;

const fig = (r: BallotLine, pick: (x: NonNullable<BallotLine['result']>) => string | number) =>
  r.result ? pick(r.result) : null;

export const ballotExcel: ExcelListDef<BallotLine> = {
  target: 'renewal-ballots',
  basePath: '/api/renewal/communities/:id/ballots',
  parent: { params: IdParams, entityId: idOf },
  tag: 'renewal-ballots',
  title: { zh: '业主表决结果', en: 'Ballot results' },
  entityType: 'renewal_community',
  permissions: { read: BALLOT_READ, write: BALLOT_WRITE },
  export: {
    query: NoFilters,
    audit: 'renewal.ballot.export',
    columns: [
      { key: 'community', header: { zh: '小区', en: 'Community' }, width: 16, value: (r) => r.communityName },
      { key: 'plan', header: { zh: '方案版本', en: 'Plan version' }, width: 8, value: (r) => r.plan.version },
      { key: 'question', header: { zh: '表决事项', en: 'Question' }, width: 36, value: (r) => r.question },
      {
        key: 'matter',
        header: { zh: '事项类别', en: 'Matter' },
        width: 16,
        value: (r, lang: Lang) => (lang === 'en' ? r.matter : r.matter === 'major' ? '重大事项' : '一般事项'),
      },
      { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (r) => r.statusName },
      {
        key: 'closesAt',
        header: { zh: '截止时间', en: 'Closes at' },
        width: 20,
        kind: 'datetime',
        value: (r) => r.closesAt,
      },
      {
        key: 'outcome',
        header: { zh: '结果', en: 'Outcome' },
        width: 14,
        value: (r) => fig(r, (x) => x.outcomeName),
      },
      {
        key: 'totalOwners',
        header: { zh: '业主总人数', en: 'Owners' },
        width: 10,
        value: (r) => fig(r, (x) => x.totalOwners),
      },
      {
        key: 'totalArea',
        header: { zh: '专有面积合计（㎡）', en: 'Total area (m²)' },
        width: 14,
        kind: 'number',
        numFmt: '0.00',
        value: (r) => fig(r, (x) => x.totalArea),
      },
      {
        key: 'participatingOwners',
        header: { zh: '参与表决人数', en: 'Participating owners' },
        width: 10,
        value: (r) => fig(r, (x) => x.participatingOwners),
      },
      {
        key: 'participatingArea',
        header: { zh: '参与表决面积（㎡）', en: 'Participating area (m²)' },
        width: 14,
        kind: 'number',
        numFmt: '0.00',
        value: (r) => fig(r, (x) => x.participatingArea),
      },
      {
        key: 'yesOwners',
        header: { zh: '同意人数', en: 'Yes owners' },
        width: 10,
        value: (r) => fig(r, (x) => x.yesOwners),
      },
      {
        key: 'yesArea',
        header: { zh: '同意面积（㎡）', en: 'Yes area (m²)' },
        width: 14,
        kind: 'number',
        numFmt: '0.00',
        value: (r) => fig(r, (x) => x.yesArea),
      },
      {
        key: 'noOwners',
        header: { zh: '不同意人数', en: 'No owners' },
        width: 10,
        value: (r) => fig(r, (x) => x.noOwners),
      },
      {
        key: 'abstainOwners',
        header: { zh: '弃权人数', en: 'Abstaining owners' },
        width: 10,
        value: (r) => fig(r, (x) => x.abstainOwners),
      },
    ],
    async open(s, ctx, _q, _size, params) {
      const { access, ballots } = await listCommunityBallots(s, ctx, idOf(params));
      const rows: BallotLine[] = [];
      for (const b of ballots) rows.push(presentBallot(await ballotDetail(s, b, access), ctx.lang));
      return exported(rows, { communityId: idOf(params) });
    },
  },
};

export const ballotExcels = [planExcel, reviewExcel, ballotExcel] as ExcelListDef[];
