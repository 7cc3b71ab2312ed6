import { seededRandom } from '../../../../demo/demo-random.ts';
import {
  actAs,
  addDays,
  type Clock,
  type DemoContext,
  type PlatformServices,
  type RequestContext,
  shanghaiInstant,
  solidPng,
  todayOf,
} from '../../../../platform/kit/index.ts';
import { liveLinks } from '../../communities/resident-token.service.ts';
import { closeBallot, createBallot, openBallot, publishBallot } from '../ballot.service.ts';
import type { Choice } from '../ballot.tables.ts';
import { findCommunityNamed, listVotingOwners } from '../community-access.repo.ts';
import { createPlan } from '../plan.service.ts';
import { castResidentVote } from '../resident-ballot.service.ts';
import { recordReview } from '../review.service.ts';
import { correctVote, recordVote } from '../vote.service.ts';

/**
 * 问计于民 for 竹贤山庄二期 (Anji), which the communities demo registers with its owners and
 * exclusive areas: the first renovation plan is reviewed at a 方案评审会 (residents'
 * representatives, experts, the designer, the street office and the bureau) and sent back for
 * revision; the revised second version is reviewed and put to the owners as a major matter
 * (Civil Code art. 278 item 8); owners vote online through their links, on paper and by written
 * proxy (the developer, holding its unsold flats, by proxy); one paper record is corrected; the
 * ballot closes and its result is published — every figure counted from the vote records. Made
 * through the services as the demo account `anji`, on a clock set back to when it happened
 * (about seven weeks before today), so the works that follow are under way.
 */

const COMMUNITY = '竹贤山庄二期';

const V1_ITEMS = [
  { name: '外立面整治', quantity: '真石漆翻新约 12,600 m²，空调机位统一', costFen: 2_480_000_00 },
  { name: '屋面防水', quantity: '6 幢屋面，SBS 卷材', costFen: 620_000_00 },
  { name: '雨污分流改造', quantity: '管网约 1.3 km', costFen: 910_000_00 },
  { name: '停车位改造', quantity: '新增地面车位 48 个', costFen: 360_000_00 },
  { name: '绿化提升', quantity: '约 3,200 m²', costFen: 290_000_00 },
  { name: '安防监控', quantity: '出入口人脸门禁，监控 46 路', costFen: 210_000_00 },
];

const V2_ITEMS = [
  ...V1_ITEMS.filter((i) => i.name !== '绿化提升' && i.name !== '停车位改造'),
  { name: '停车位改造', quantity: '新增地面车位 42 个（保留中心花园桂花树）', costFen: 320_000_00 },
  { name: '绿化提升', quantity: '约 3,000 m²，保留原有桂花树 11 株', costFen: 260_000_00 },
  { name: '非机动车充电棚', quantity: '3 处，充电口 120 个', costFen: 280_000_00 },
  { name: '适老化改造', quantity: '单元入口坡道、扶手 12 处', costFen: 150_000_00 },
];

/** A clock the demo moves along the story (the audit log keeps the real time of entry). */
class StoryClock implements Clock {
  constructor(private at: Date) {}
  now() {
    return new Date(this.at);
  }
  set(at: Date) {
    this.at = at;
  }
}

export async function seedBallotsDemo({ services, log }: DemoContext): Promise<void> {
  const community = await findCommunityNamed(services.db, COMMUNITY, '330523');
  if (!community) {
    log(`the demo community ${COMMUNITY} is missing; ballots demo skipped`);
    return;
  }
  const today = todayOf(services);
  const clock = new StoryClock(services.clock.now());
  const s: PlatformServices = { ...services, clock };
  const on = (days: number, time: string) => clock.set(shanghaiInstant(addDays(today, days), time));
  const ctx = await actAs(services, 'anji', 'demo:renewal-ballots');
  const r = seededRandom(278);

  on(-78, '10:00');
  const v1 = await createPlan(s, ctx, community.id, {
    title: '竹贤山庄二期老旧小区改造方案（初稿）',
    summary: '根据问需调查结果编制：外立面、屋面防水、雨污分流、停车、绿化、安防六项。',
    items: V1_ITEMS,
  });
  on(-70, '15:00');
  await recordReview(s, ctx, community.id, {
    planId: v1.plan.id,
    heldOn: addDays(today, -70),
    place: '竹贤山庄社区居民活动室',
    attendees: attendees(),
    minutes:
      '设计单位介绍初步方案。居民代表提出：停车位改造不能移走中心花园的桂花树；电动自行车充电难，楼道充电有安全隐患，希望增设充电棚；老人多，单元入口要有坡道和扶手。专家建议屋面防水与外立面同步施工，减少二次搭架。',
    decision: 'revise',
    decisionNotes: '保留桂花树，调整停车位布置；增设非机动车充电棚；增加适老化改造内容。修改后再次评审。',
  });
  on(-62, '09:30');
  const v2 = await createPlan(s, ctx, community.id, {
    title: '竹贤山庄二期老旧小区改造方案（修改稿）',
    summary: '按 方案评审会 意见修改：保留桂花树、增设非机动车充电棚、增加适老化改造。',
    items: V2_ITEMS,
  });
  on(-56, '15:00');
  await recordReview(s, ctx, community.id, {
    planId: v2.plan.id,
    heldOn: addDays(today, -56),
    place: '竹贤山庄社区居民活动室',
    attendees: attendees(),
    minutes: '设计单位逐条说明修改情况，居民代表确认意见已采纳。与会人员同意将修改稿提交全体业主表决。',
    decision: 'adopt',
  });

  on(-53, '10:00');
  const created = await createBallot(s, ctx, community.id, {
    planId: v2.plan.id,
    matter: 'major',
    question: '是否同意按《竹贤山庄二期老旧小区改造方案（修改稿）》实施小区改造？',
    opensAt: shanghaiInstant(addDays(today, -52), '09:00').toISOString(),
    closesAt: shanghaiInstant(addDays(today, -38), '18:00').toISOString(),
  });
  const ballotId = created.ballot.id;
  on(-52, '09:00');
  await openBallot(s, ctx, ballotId);

  const links = new Map((await liveLinks(s, 'ballot', ballotId)).map((l) => [l.ownerId, l.token]));
  const owners = [...new Map((await listVotingOwners(s.db, community.id)).map((o) => [o.id, o])).values()];
  const resident: RequestContext = { principal: null, requestId: 'demo:resident', ip: null, lang: 'zh-CN' };
  const choose = (): Choice => {
    const x = r.next();
    return x < 0.86 ? 'yes' : x < 0.93 ? 'no' : 'abstain';
  };
  const paper: Array<{ ownerId: string; choice: Choice }> = [];
  let day = -52;
  for (const o of owners) {
    const token = links.get(o.id);
    if (o.organisation_id !== null) {
      // the developer votes by its authorised representative's written proxy
      on(-45, '11:00');
      const proxyFileId = await upload(s, ctx, `授权委托书-${o.name}.png`);
      await recordVote(s, ctx, ballotId, {
        ownerId: o.id,
        channel: 'proxy',
        choice: 'yes',
        proxyHolder: '周建明',
        proxyFileId,
        note: '开发单位授权代表投票',
      });
      continue;
    }
    const x = r.next();
    if (x < 0.7 && token) {
      day = Math.min(-39, day + (r.next() < 0.15 ? 1 : 0));
      on(day, `${String(r.int(9, 21)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`);
      await castResidentVote(s, resident, token, choose());
    } else if (x < 0.82) {
      paper.push({ ownerId: o.id, choice: choose() });
    } else if (x < 0.87) {
      on(-41, '16:00');
      const proxyFileId = await upload(s, ctx, `委托书-${o.name}.png`);
      await recordVote(s, ctx, ballotId, {
        ownerId: o.id,
        channel: 'proxy',
        choice: choose(),
        proxyHolder: `${o.name.slice(0, 1)}${r.pick(['建华', '丽萍', '晓东', '国庆'])}`,
        proxyFileId,
        note: '业主在外地工作，书面委托家属',
      });
    }
  }
  // paper ballots collected door to door by the community workers, entered on the last days
  let first: { voteId: string; choice: Choice } | null = null;
  for (const [i, p] of paper.entries()) {
    on(i % 2 === 0 ? -39 : -38, `${String(9 + (i % 8)).padStart(2, '0')}:30`);
    const scanFileId = await upload(s, ctx, `纸质表决票-${i + 1}.png`);
    const entered = await recordVote(s, ctx, ballotId, {
      ownerId: p.ownerId,
      channel: 'paper',
      choice: i === 0 ? 'no' : p.choice,
      scanFileId,
    });
    if (i === 0) first = { voteId: entered.voteId, choice: p.choice };
  }
  if (first && first.choice !== 'no') {
    on(-38, '17:20');
    await correctVote(s, ctx, ballotId, first.voteId, {
      choice: first.choice,
      reason: '录入时勾选错误，已与纸质表决票原件核对更正',
    });
  }
  on(-38, '18:05');
  await closeBallot(s, ctx, ballotId);
  on(-37, '10:00');
  const published = await publishBallot(s, ctx, ballotId);
  const t = published.count?.tally;
  log(
    `${COMMUNITY}: plan v1 revised at review, v2 put to a major-matter ballot — ${published.ballot.result?.outcome ?? '?'}, ${t?.participatingOwners ?? 0}/${t?.totalOwners ?? 0} owners took part`,
  );
}

const attendees = () => [
  { name: '王建国', kind: 'resident_rep' as const, organisation: '2幢' },
  { name: '徐秀英', kind: 'resident_rep' as const, organisation: '5幢' },
  { name: '沈立新', kind: 'expert' as const, organisation: '湖州市建筑业协会' },
  { name: '陈晓峰', kind: 'designer' as const, organisation: '浙江省城乡规划设计研究院' },
  { name: '吴敏', kind: 'street' as const, organisation: '递铺街道办事处' },
  { name: '钟强', kind: 'bureau' as const, organisation: '安吉县住房和城乡建设局' },
];

async function upload(s: PlatformServices, ctx: RequestContext, name: string): Promise<string> {
  const file = await s.files.upload(ctx, { name, data: solidPng(48, 64, [236, 236, 228]) });
  return file.id;
}
