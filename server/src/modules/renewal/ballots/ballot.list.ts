import {
  formatArea,
  meetsThreshold,
  parseArea,
  requiredForQuorum,
  THRESHOLDS,
} from '@gongfu/domain/renewal/consent';
import { type SqlBool, sql } from 'kysely';
import { type Static, Type } from 'typebox';
import {
  defineList,
  type ExportColumn,
  escapeLike,
  filter,
  type Lang,
  regionSubtreeSql,
  regionWithin,
  type Scope,
  say,
  uuid,
} from '../../../platform/kit/index.ts';
import { decisionsSql } from '../communities/community.policy.ts';
import { RegionCode } from '../communities/community.schemas.ts';
import { BALLOT_STATUS_NAMES, MATTER_NAMES, OUTCOME_NAMES } from './ballot.labels.ts';
import { type BallotListRow, ballotsWithCommunity } from './ballot.repo.ts';
import { BallotItem, BallotStatusSchema, type TurnoutView } from './ballot.schemas.ts';
import { BALLOT_CHOICES, BALLOT_READ } from './ballots.permissions.ts';

/**
 * 业主表决: the owners' ballots of every community the caller sees — in their region grants, or,
 * for a partner, of a project their organisation takes part in (decisionsSql, docs/adr/0007) —
 * newest first, with their turnout against the quorum and, once known, their outcome; exported
 * to Excel with the same filters.
 */

const iso = (d: Date | string) => new Date(d).toISOString();
const areaOf = (text: string) => parseArea(text, { allowZero: true });

/** What the caller may see of each ballot's residents: the turnout (`voters`), a closed count (`choices`). */
type Seen = Record<'voters' | 'choices', boolean>;

function turnout(owners: number, area: number, votedOwners: number, votedArea: number) {
  const quorum = requiredForQuorum(owners, area);
  return {
    participatingOwners: votedOwners,
    totalOwners: owners,
    quorumOwners: quorum.owners,
    participatingArea: formatArea(votedArea),
    totalArea: formatArea(area),
    quorumArea: formatArea(quorum.area),
    quorumMet:
      owners > 0 &&
      meetsThreshold(votedOwners, owners, THRESHOLDS.quorum) &&
      meetsThreshold(votedArea, area, THRESHOLDS.quorum),
  };
}

/**
 * Who took part, against the quorum: live while open, as counted once closed (both for those
 * who see the voters, as the ballot's own tracker), and the published figures for everyone.
 */
function turnoutOf(b: BallotListRow, can: Seen): Static<typeof TurnoutView> | null {
  const r = b.result;
  if (r && (b.status === 'published' || (b.status === 'closed' && can.voters))) {
    return turnout(r.totalOwners, areaOf(r.totalArea), r.participatingOwners, areaOf(r.participatingArea));
  }
  if (b.status === 'open' && can.voters && b.live) {
    const l = b.live;
    return turnout(Number(l.owners), Number(l.area), Number(l.votedOwners), Number(l.votedArea));
  }
  return null;
}

/** A list line: the outcome once published (once closed, for those who see the choices). */
export function ballotItem(b: BallotListRow, can: Seen, lang: Lang): Static<typeof BallotItem> {
  const r = b.status === 'published' || (b.status === 'closed' && can.choices) ? b.result : null;
  return {
    id: b.id,
    communityId: b.community_id,
    communityName: b.community_name,
    planVersion: b.plan_version,
    planTitle: b.plan_title,
    question: b.question,
    closesAt: iso(b.closes_at),
    status: b.status,
    statusName: say(BALLOT_STATUS_NAMES[b.status], lang),
    outcome: r?.outcome ?? null,
    outcomeName: r ? say(OUTCOME_NAMES[r.outcome], lang) : null,
    turnout: turnoutOf(b, can),
  };
}

/** The published figures only: the export's cells do not depend on who asks. */
const published = (b: BallotListRow) => (b.status === 'published' ? b.result : null);

const BALLOT_COLUMNS: ExportColumn<BallotListRow>[] = [
  { key: 'community', header: { zh: '小区', en: 'Community' }, width: 16, value: (b) => b.community_name },
  { key: 'plan', header: { zh: '方案版本', en: 'Plan version' }, width: 8, value: (b) => b.plan_version },
  { key: 'question', header: { zh: '表决事项', en: 'Question' }, width: 36, value: (b) => b.question },
  {
    key: 'matter',
    header: { zh: '事项类别', en: 'Matter' },
    width: 16,
    value: (b, lang) => say(MATTER_NAMES[b.matter], lang),
  },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 10,
    value: (b, lang) => say(BALLOT_STATUS_NAMES[b.status], lang),
  },
  {
    key: 'closesAt',
    header: { zh: '截止时间', en: 'Closes at' },
    width: 20,
    kind: 'datetime',
    value: (b) => iso(b.closes_at),
  },
  {
    key: 'outcome',
    header: { zh: '公布结果', en: 'Published outcome' },
    width: 14,
    value: (b, lang) => {
      const r = published(b);
      return r ? say(OUTCOME_NAMES[r.outcome], lang) : null;
    },
  },
  {
    key: 'totalOwners',
    header: { zh: '业主总人数', en: 'Owners' },
    width: 10,
    value: (b) => published(b)?.totalOwners ?? null,
  },
  {
    key: 'participatingOwners',
    header: { zh: '参与表决人数', en: 'Participating owners' },
    width: 10,
    value: (b) => published(b)?.participatingOwners ?? null,
  },
  {
    key: 'participatingArea',
    header: { zh: '参与表决面积（㎡）', en: 'Participating area (m²)' },
    width: 14,
    kind: 'number',
    numFmt: '0.00',
    value: (b) => published(b)?.participatingArea ?? null,
  },
  {
    key: 'yesOwners',
    header: { zh: '同意人数', en: 'Yes owners' },
    width: 10,
    value: (b) => published(b)?.yesOwners ?? null,
  },
];

const inRegionOf = (permission: string) => ({
  permission,
  allows: (scope: Scope, b: BallotListRow) => regionWithin(scope, b.region_code),
});

export const ballotList = defineList({
  path: '/api/renewal/ballots',
  tag: 'renewal-ballots',
  summary:
    '业主表决列表 Owners’ ballots of every community the caller sees, newest first, with turnout and quorum',
  permission: BALLOT_READ,
  rows: ballotsWithCommunity,
  scope: (scope) => decisionsSql(scope, 'pr'),
  filters: {
    status: filter(BallotStatusSchema, (status) => sql<SqlBool>`b.status = ${status}`),
    communityId: filter(
      uuid('only the ballots of this community'),
      (id) => sql<SqlBool>`b.community_id = ${id}`,
    ),
    regionCode: filter(RegionCode, (code) => regionSubtreeSql('c.region_code', code)),
    q: filter(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description: 'part of the question or the community’s name',
      }),
      (text) => {
        const q = text.trim();
        if (!q) return sql<SqlBool>`true`;
        const like = `%${escapeLike(q)}%`;
        return sql<SqlBool>`(b.question like ${like} or c.name like ${like})`;
      },
    ),
  },
  sorts: {
    created: ['b.created_at'],
    closesAt: ['b.closes_at'],
    community: ['c.name', ['b.created_at', 'desc']],
  },
  defaultSort: '-created',
  key: 'b.id',
  item: BallotItem,
  present: (b, { lang, can }) => ballotItem(b, can, lang),
  // the ballot's policy, as its community's rules say (community.policy.ts): turnout and count by region
  can: { voters: inRegionOf(BALLOT_READ), choices: inRegionOf(BALLOT_CHOICES) },
  excel: {
    target: 'renewal-ballot-list',
    title: { zh: '业主表决', en: 'Owners’ ballots' },
    entityType: 'renewal_ballot',
    audit: 'renewal.ballot.list.export',
    columns: BALLOT_COLUMNS,
  },
});
