import { type Static, Type } from 'typebox';
import { Nullable, uuid } from '../../../platform/kit/index.ts';
import { BallotCan } from './ballot.policy.ts';
import { BALLOT_STATUSES, CHANNELS, CHOICES, MATTERS, PLAN_STATUSES } from './ballot.tables.ts';

const literals = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Enum(values as T[], description ? { description } : {});

const DateTime = (description: string) =>
  Type.String({
    minLength: 10,
    maxLength: 40,
    description: `${description}; ISO 8601, e.g. 2026-03-20T18:00:00+08:00`,
  });

export const MatterSchema = literals(
  MATTERS,
  "'major' (default): art. 278 items 6–8 such as renovation/rebuilding — at least 3/4 of the participating area and owners; 'ordinary': more than 1/2",
);
export const ChoiceSchema = literals(CHOICES, "'yes' 同意 / 'no' 不同意 / 'abstain' 弃权");
export const BallotStatusSchema = literals(BALLOT_STATUSES);

export const CreateBallotBody = Type.Object(
  {
    planId: uuid('the plan version put to the vote'),
    matter: Type.Optional(MatterSchema),
    question: Type.String({
      minLength: 1,
      maxLength: 500,
      description: '表决事项, e.g. 是否同意按第2版方案实施改造',
    }),
    opensAt: Type.Optional(DateTime('when online voting starts (default: now)')),
    closesAt: DateTime('when voting ends; links expire then'),
  },
  { title: 'CreateBallotBody', additionalProperties: false },
);

export const UpdateBallotBody = Type.Object(
  {
    matter: Type.Optional(MatterSchema),
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    opensAt: Type.Optional(DateTime('when online voting starts')),
    closesAt: Type.Optional(DateTime('when voting ends')),
  },
  { title: 'UpdateBallotBody', additionalProperties: false, minProperties: 1 },
);

export const VoidBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'why (作废原因)' }) },
  { title: 'VoidBody', additionalProperties: false },
);

export const BallotVoteParams = Type.Object(
  { id: uuid('ballot id'), voteId: uuid('vote id') },
  { title: 'BallotVoteParams', additionalProperties: false },
);

export const ReissueBody = Type.Object(
  { ownerId: uuid('owner id') },
  { title: 'ReissueBody', additionalProperties: false },
);

const Figures = {
  totalOwners: Type.Integer(),
  totalArea: Type.String({ description: 'm², two decimals' }),
  participatingOwners: Type.Integer(),
  participatingArea: Type.String({ description: 'm², two decimals' }),
};

export const TrackerView = Type.Object(
  {
    ...Figures,
    quorumOwners: Type.Integer({ description: 'owners needed for a quorum (⌈2/3⌉)' }),
    quorumArea: Type.String({ description: 'area needed for a quorum (⌈2/3⌉), m²' }),
    quorumMet: Type.Boolean(),
    online: Type.Integer(),
    paper: Type.Integer(),
    proxy: Type.Integer(),
    linksIssued: Type.Integer(),
    linksUsed: Type.Integer(),
  },
  {
    title: 'TrackerView',
    description: 'live participation (no choices): for those who may see the voters (can.voters), else null',
  },
);

export const ResultView = Type.Object(
  {
    outcome: literals(['passed', 'rejected', 'no-quorum'] as const),
    outcomeName: Type.String(),
    ...Figures,
    yesOwners: Type.Integer(),
    yesArea: Type.String(),
    noOwners: Type.Integer(),
    noArea: Type.String(),
    abstainOwners: Type.Integer(),
    abstainArea: Type.String(),
    passOwners: Type.Integer({ description: 'yes owners needed to pass with this participation' }),
    passArea: Type.String({ description: 'yes area needed to pass with this participation, m²' }),
    frozen: Type.Boolean({ description: 'true once published: the figures no longer change' }),
    computedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ResultView', description: 'the count once the ballot is closed (published: frozen)' },
);

export const BallotView = Type.Object(
  {
    id: Type.String(),
    communityId: Type.String(),
    communityName: Type.String(),
    plan: Type.Object({
      id: Type.String(),
      version: Type.Integer(),
      title: Type.String(),
      status: literals(PLAN_STATUSES),
    }),
    matter: literals(MATTERS),
    matterName: Type.String(),
    question: Type.String(),
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
    status: BallotStatusSchema,
    statusName: Type.String(),
    openedAt: Nullable(Type.String({ format: 'date-time' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    publishedAt: Nullable(Type.String({ format: 'date-time' })),
    voidedAt: Nullable(Type.String({ format: 'date-time' })),
    voidReason: Nullable(Type.String()),
    tracker: Nullable(TrackerView),
    result: Nullable(ResultView),
    can: BallotCan,
  },
  { title: 'BallotView' },
);

export const TurnoutView = Type.Object(
  {
    participatingOwners: Type.Integer(),
    totalOwners: Type.Integer(),
    quorumOwners: Type.Integer({ description: 'owners needed for a quorum (⌈2/3⌉)' }),
    participatingArea: Type.String({ description: 'm², two decimals' }),
    totalArea: Type.String({ description: 'm², two decimals' }),
    quorumArea: Type.String({ description: 'area needed for a quorum (⌈2/3⌉), m²' }),
    quorumMet: Type.Boolean(),
  },
  {
    title: 'BallotTurnout',
    description:
      'who took part, against the quorum: live while open and counted once closed for those who may see the voters (can.voters); the published figures for everyone',
  },
);

/** A line of a list of ballots: what its table shows (the whole ballot is GET /api/renewal/ballots/:id). */
export const BallotItem = Type.Object(
  {
    id: Type.String(),
    communityId: Type.String(),
    communityName: Type.String(),
    planVersion: Type.Integer(),
    planTitle: Type.String(),
    question: Type.String(),
    closesAt: Type.String({ format: 'date-time' }),
    status: BallotStatusSchema,
    statusName: Type.String(),
    outcome: Nullable(literals(['passed', 'rejected', 'no-quorum'] as const)),
    outcomeName: Nullable(Type.String()),
    turnout: Nullable(TurnoutView),
  },
  { title: 'BallotItem' },
);

/** A community's ballots (not paged: a community holds a few). */
export const BallotList = Type.Object(
  {
    items: Type.Array(
      Type.Object({ ...BallotItem.properties, can: BallotCan }, { title: 'CommunityBallotItem' }),
    ),
  },
  { title: 'BallotList' },
);

export const LinkSheetView = Type.Object(
  {
    ballotId: Type.String(),
    communityName: Type.String(),
    question: Type.String(),
    closesAt: Type.String({ format: 'date-time' }),
    links: Type.Array(
      Type.Object({
        ownerId: Type.String(),
        ownerName: Type.String(),
        units: Type.Array(Type.String()),
        token: Type.String({ description: 'the one-time token; the resident page is /r/b/{token}' }),
        path: Type.String({ description: 'path of the resident page, e.g. /r/b/{token}' }),
        used: Type.Boolean(),
      }),
    ),
  },
  { title: 'BallotLinkSheetView' },
);

// ---------------------------------------------------------------- votes

export const RecordVoteBody = Type.Object(
  {
    ownerId: uuid('the owner (业主) the ballot is for'),
    channel: literals(['paper', 'proxy'] as const, "'paper' 纸质表决票 (scan attached) or 'proxy' 书面委托"),
    choice: ChoiceSchema,
    scanFileId: Type.Optional(uuid('scan of the signed paper ballot (paper)')),
    proxyHolder: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: '受托人姓名 (proxy)' }),
    ),
    proxyFileId: Type.Optional(uuid('the written proxy 委托书 (proxy)')),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'RecordVoteBody', additionalProperties: false },
);

export const CorrectVoteBody = Type.Object(
  {
    choice: Type.Optional(ChoiceSchema),
    scanFileId: Type.Optional(uuid('replacement scan')),
    proxyHolder: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    proxyFileId: Type.Optional(uuid('replacement proxy document')),
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'why the record is corrected (更正原因)',
    }),
  },
  { title: 'CorrectVoteBody', additionalProperties: false },
);

export const VoteRowView = Type.Object(
  {
    ownerId: Type.String(),
    ownerName: Type.String({ description: 'masked unless the caller may see choices' }),
    units: Type.Array(Type.String()),
    area: Type.String({ description: 'the owner’s exclusive area, m²' }),
    voted: Type.Boolean(),
    voteId: Nullable(Type.String()),
    channel: Nullable(literals(CHANNELS)),
    channelName: Nullable(Type.String()),
    castAt: Nullable(Type.String({ format: 'date-time' })),
    choice: Nullable(literals(CHOICES, 'only for callers who may see choices')),
    choiceName: Nullable(Type.String()),
    proxyHolder: Nullable(Type.String()),
    scanFileId: Nullable(Type.String()),
    proxyFileId: Nullable(Type.String()),
    recordedBy: Nullable(Type.String()),
  },
  { title: 'VoteRowView' },
);

export const VoteEventView = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    voteId: Type.String(),
    ownerId: Type.String(),
    ownerName: Type.String(),
    action: literals(['cast', 'corrected', 'voided'] as const),
    channel: literals(CHANNELS),
    choice: literals(CHOICES),
    before: Nullable(Type.Object({}, { additionalProperties: true })),
    reason: Nullable(Type.String()),
    actorName: Type.String(),
  },
  { title: 'VoteEventView' },
);

export const VoteEventList = Type.Object({ items: Type.Array(VoteEventView) }, { title: 'VoteEventList' });

export const VoteReceipt = Type.Object(
  {
    voteId: Type.String(),
    ownerId: Type.String(),
    channel: literals(CHANNELS),
    castAt: Type.String({ format: 'date-time' }),
  },
  { title: 'VoteReceipt' },
);

// ---------------------------------------------------------------- residents

export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100, description: 'the one-time link token' }) },
  { title: 'BallotTokenParams', additionalProperties: false },
);

export const ResidentVoteBody = Type.Object(
  { choice: ChoiceSchema },
  { title: 'ResidentVoteBody', additionalProperties: false },
);

export const ResidentBallotView = Type.Object(
  {
    communityName: Type.String(),
    organiser: Type.String({
      description:
        'who runs the ballot, named at the foot of the page: the owner organisation of the community’s renovation project, else the housing and construction bureau of its county (e.g. 天台县住房和城乡建设局)',
    }),
    ownerName: Type.String({ description: 'masked: 张*' }),
    units: Type.Array(Type.String()),
    question: Type.String(),
    matter: literals(MATTERS),
    matterName: Type.String(),
    closesAt: Type.String({ format: 'date-time' }),
    plan: Type.Object({
      version: Type.Integer(),
      title: Type.String(),
      summary: Type.String(),
      items: Type.Array(
        Type.Object({ name: Type.String(), quantity: Type.String(), costFen: Type.Integer() }),
      ),
      totalCostFen: Type.Integer(),
    }),
  },
  { title: 'ResidentBallotView' },
);

export const ResidentReceipt = Type.Object(
  {
    receiptNo: Type.String({ description: 'short number to quote to the community staff' }),
    communityName: Type.String(),
    planVersion: Type.Integer(),
    choice: ChoiceSchema,
    choiceName: Type.String(),
    castAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ResidentReceipt' },
);

export type CreateBallotInput = Static<typeof CreateBallotBody>;
export type UpdateBallotInput = Static<typeof UpdateBallotBody>;
export type RecordVoteInput = Static<typeof RecordVoteBody>;
export type CorrectVoteInput = Static<typeof CorrectVoteBody>;
