import type { Bilingual } from '../../../platform/kit/index.ts';
import type {
  AttendeeKind,
  BallotStatus,
  Channel,
  Choice,
  Matter,
  PlanStatus,
  ReviewDecision,
} from './ballot.tables.ts';

/** The words users read for the ballots' codes, in both languages. */

export const PLAN_STATUS_NAMES: Record<PlanStatus, Bilingual> = {
  draft: { zh: '草案', en: 'Draft' },
  reviewing: { zh: '评审中', en: 'Under review' },
  voting: { zh: '表决中', en: 'Being voted on' },
  adopted: { zh: '已通过', en: 'Adopted' },
  superseded: { zh: '已被新版本取代', en: 'Superseded' },
};

export const ATTENDEE_KIND_NAMES: Record<AttendeeKind, Bilingual> = {
  resident_rep: { zh: '居民代表', en: 'Residents’ representative' },
  expert: { zh: '专家', en: 'Expert' },
  designer: { zh: '设计单位', en: 'Designer' },
  builder: { zh: '施工单位', en: 'Contractor' },
  street: { zh: '街道社区', en: 'Street office / community' },
  bureau: { zh: '住建局', en: 'Housing bureau' },
};

export const DECISION_NAMES: Record<ReviewDecision, Bilingual> = {
  adopt: { zh: '同意提交表决', en: 'Adopt (put to the ballot)' },
  revise: { zh: '修改完善', en: 'Revise' },
};

export const MATTER_NAMES: Record<Matter, Bilingual> = {
  major: {
    zh: '重大事项（改建、重建等，须参与表决面积和人数四分之三以上同意）',
    en: 'Major matter (renovation, rebuilding …: at least 3/4 of the participating area and owners)',
  },
  ordinary: {
    zh: '一般事项（须参与表决面积和人数过半数同意）',
    en: 'Ordinary matter (more than 1/2 of the participating area and owners)',
  },
};

export const BALLOT_STATUS_NAMES: Record<BallotStatus, Bilingual> = {
  draft: { zh: '未开始', en: 'Draft' },
  open: { zh: '表决中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
  published: { zh: '已公布', en: 'Published' },
  void: { zh: '已作废', en: 'Void' },
};

export const CHOICE_NAMES: Record<Choice, Bilingual> = {
  yes: { zh: '同意', en: 'Yes' },
  no: { zh: '不同意', en: 'No' },
  abstain: { zh: '弃权', en: 'Abstain' },
};

export const CHANNEL_NAMES: Record<Channel, Bilingual> = {
  online: { zh: '线上', en: 'Online' },
  paper: { zh: '纸质票', en: 'Paper' },
  proxy: { zh: '书面委托', en: 'Proxy' },
};

export const OUTCOME_NAMES: Record<'passed' | 'rejected' | 'no-quorum', Bilingual> = {
  passed: { zh: '通过', en: 'Passed' },
  rejected: { zh: '未通过', en: 'Rejected' },
  'no-quorum': { zh: '参与不足三分之二，表决无效', en: 'No quorum (under 2/3 took part)' },
};
