import { maskName } from '@gongfu/domain/cn/mask';
import { formatArea } from '@gongfu/domain/renewal/consent';
import { type SqlBool, sql } from 'kysely';
import { type Static, Type } from 'typebox';
import {
  defineList,
  type ExportColumn,
  escapeLike,
  filter,
  IdParams,
  type Lang,
  say,
} from '../../../platform/kit/index.ts';
import { residentList } from '../communities/resident-list.ts';
import { CHANNEL_NAMES, CHOICE_NAMES } from './ballot.labels.ts';
import { ballotFor } from './ballot.policy.ts';
import { VoteRowView } from './ballot.schemas.ts';
import { BALLOT_READ } from './ballots.permissions.ts';
import { type VoterRow, votersOf } from './vote.repo.ts';

/**
 * 业主投票情况: a ballot's owners, in the register's order, whether and how each voted. Who voted
 * is for those who see the ballot's voters (staff, leaders, the auditor; never partners: 403);
 * owners' names, what each chose, the proxy holder and the scans only for those who see the
 * choices (staff, the auditor) — for the others names are masked (张*; an organisation owner is
 * not personal data) and the search reads only the units. Exported to Excel in the same form.
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The voter as those who may not see the choices see it: who voted and how, never what or on whose paper. */
const maskVoter = (r: VoterRow): VoterRow => ({
  ...r,
  owner_name: r.organisation_id !== null ? r.owner_name : maskName(r.owner_name),
  vote_id: null,
  choice: null,
  proxy_holder: r.proxy_holder ? maskName(r.proxy_holder) : null,
  scan_file_id: null,
  proxy_file_id: null,
});

export function voterItem(r: VoterRow, lang: Lang): Static<typeof VoteRowView> {
  return {
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    units: r.units,
    area: formatArea(Number(r.area_centi)),
    voted: r.voted,
    voteId: r.vote_id,
    channel: r.channel,
    channelName: r.channel ? say(CHANNEL_NAMES[r.channel], lang) : null,
    castAt: iso(r.cast_at),
    choice: r.choice,
    choiceName: r.choice ? say(CHOICE_NAMES[r.choice], lang) : null,
    proxyHolder: r.proxy_holder,
    scanFileId: r.scan_file_id,
    proxyFileId: r.proxy_file_id,
    recordedBy: r.recorded_by_name,
  };
}

const VOTE_COLUMNS: ExportColumn<VoterRow>[] = [
  { key: 'units', header: { zh: '房屋', en: 'Units' }, width: 24, value: (r) => r.units.join('；') },
  { key: 'ownerName', header: { zh: '业主', en: 'Owner' }, width: 14, value: (r) => r.owner_name },
  {
    key: 'area',
    header: { zh: '专有面积（㎡）', en: 'Area (m²)' },
    width: 12,
    kind: 'number',
    numFmt: '0.00',
    value: (r) => formatArea(Number(r.area_centi)),
  },
  {
    key: 'voted',
    header: { zh: '是否投票', en: 'Voted' },
    width: 8,
    value: (r, lang) => (r.voted ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否'),
  },
  {
    key: 'channel',
    header: { zh: '方式', en: 'Channel' },
    width: 10,
    value: (r, lang) => (r.channel ? say(CHANNEL_NAMES[r.channel], lang) : null),
  },
  {
    key: 'castAt',
    header: { zh: '投票时间', en: 'Cast at' },
    width: 20,
    kind: 'datetime',
    value: (r) => iso(r.cast_at),
  },
  {
    key: 'choice',
    header: { zh: '表决意见', en: 'Choice' },
    width: 10,
    value: (r, lang) => (r.choice ? say(CHOICE_NAMES[r.choice], lang) : null),
  },
  {
    key: 'proxyHolder',
    header: { zh: '受托人', en: 'Proxy holder' },
    width: 12,
    value: (r) => r.proxy_holder,
  },
];

const SearchText = Type.String({
  maxLength: 40,
  description: 'part of a unit, e.g. 302, or of the owner’s name for those who see the choices',
});

/** The voters as those who see the choices (`full`) or not see them: the search reads names only for the former. */
const voteListOf = (full: boolean) =>
  defineList({
    path: '/api/renewal/ballots/:id/votes',
    tag: 'renewal-ballots',
    summary: '业主投票情况 Who has voted and by which channel',
    permission: BALLOT_READ,
    rows: votersOf,
    parent: {
      params: IdParams,
      // the ballot's voters: 404 where the ballot is unseen, 403 for partners (they see the ballot, not who voted)
      open: async (s, ctx, params) => {
        const { ballot } = await ballotFor(s, ctx, params.id ?? '', 'voters');
        return sql<SqlBool>`b.id = ${ballot.id}`;
      },
    },
    filters: {
      voted: filter(
        Type.Boolean({ description: 'only owners who have (true) or have not (false) voted' }),
        (voted) => (voted ? sql<SqlBool>`v.id is not null` : sql<SqlBool>`v.id is null`),
      ),
      q: filter(SearchText, (text) => {
        const q = text.trim();
        if (!q) return sql<SqlBool>`true`;
        const like = `%${escapeLike(q)}%`;
        const unit = sql<SqlBool>`exists (select 1 from unnest(h.units) as l(label) where l.label like ${like})`;
        return full ? sql<SqlBool>`(o.name like ${like} or ${unit})` : unit;
      }),
    },
    sorts: {
      unit: [
        'h.first_position',
        'h.first_entrance_length',
        'h.first_entrance',
        'h.first_room_length',
        'h.first_room',
      ],
      area: ['h.area_centi'],
      castAt: ['v.cast_at'],
    },
    defaultSort: 'unit',
    key: 'o.id',
    item: VoteRowView,
    present: (r, { lang }) => voterItem(full ? r : maskVoter(r), lang),
    excel: {
      target: 'renewal-ballot-votes',
      title: { zh: '业主投票情况', en: 'Ballot votes' },
      entityType: 'renewal_ballot',
      audit: 'renewal.ballot.vote.export',
      columns: VOTE_COLUMNS,
    },
  });

/** 业主投票情况: names and choices in full for those who see the choices, masked for the others. */
export const voteList = residentList({
  full: voteListOf(true),
  masked: voteListOf(false),
  mask: maskVoter,
  summary:
    '业主投票情况（谁已投票；具体意见仅限授权人员） Who has voted and by which channel; choices only for authorised staff and the auditor',
  params: IdParams,
  seesNames: async (s, ctx, params) => (await ballotFor(s, ctx, params.id ?? '', 'voters')).can.choices,
});
