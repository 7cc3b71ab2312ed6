import { type Random, seededRandom } from '../../../../demo/demo-random.ts';
import {
  actAs,
  addDays,
  type DemoContext,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../../platform/kit/index.ts';
import { type CommunityValues, countCommunitiesWithStatus, insertCommunity } from '../community.repo.ts';
import { RENOVATED } from '../community.rules.ts';
import { addHouseholds, createCommunity, type HouseholdRow, updateCommunity } from '../community.service.ts';
import type { CommunityStatus } from '../community.tables.ts';
import { liveLinks } from '../resident-token.service.ts';
import type { AnswerInput, QuestionDef } from '../survey.rules.ts';
import {
  closeSurvey,
  createSurvey,
  openSurvey,
  publishSurvey,
  recordAcceptance,
  recordResponsesInBulk,
} from '../survey.service.ts';

/**
 * Demo data of old-community renovation in Anji, from the county report: "已经推进或完成84个老旧
 * 小区的改造工作 … 蓝天花园、山水华庭已完成改造，竹贤山庄二期已进场施工". 84 communities renovated
 * or under way: 83 finished (completed, or accepted), among them 蓝天花园 and 山水华庭 of the 2023 batch, each with its
 * residents' satisfaction survey (问效于民) answered online and on paper, published, and the
 * acceptance recording the satisfaction reached; and 竹贤山庄二期 under construction, with six
 * buildings, about 200 units (the developer still holding unsold ones) and the needs survey
 * (问需于民) it was planned from. Made through the services as the demo account `anji`; every
 * figure comes from these records. A community's address is its road and number: the town or
 * street is its region, shown beside it (street addresses are illustrative).
 */

const TOWNS = ['330523001', '330523002', '330523003', '330523004', '330523105', '330523110', '330523111'];
const FIRST = [
  '天目',
  '昌硕',
  '灵峰',
  '递铺',
  '凤凰',
  '玉华',
  '浦源',
  '阳光',
  '竹海',
  '白茶',
  '金山',
  '银杏',
  '桃源',
  '安城',
];
const LAST = ['小区', '新村', '公寓', '家园', '苑', '花苑'];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌宇浩凯鹏辉丹玲燕婷雪梅琳晨阳飞',
];

const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.6 ? r.pick(GIVEN) : '');

/** Buildings × entrances × floors × 2 rooms, areas 60–120 m², owners people (and a developer). */
function households(
  r: Random,
  v: { buildings: number; entrances: number; floors: number; developer?: { name: string; units: number } },
): HouseholdRow[] {
  const rows: HouseholdRow[] = [];
  for (let b = 1; b <= v.buildings; b++)
    for (let e = 1; e <= v.entrances; e++)
      for (let f = 1; f <= v.floors; f++)
        for (const room of [1, 2])
          rows.push({
            building: `${b}幢`,
            entrance: v.entrances > 1 ? String(e) : '',
            room: `${f}0${room}`,
            areaCenti: r.int(6000, 12000) + r.int(0, 99),
            ownerName: personName(r),
            ownerKind: 'person',
          });
  // the developer's unsold units: the top floors of the last building
  if (v.developer) {
    for (const row of rows.slice(-v.developer.units)) {
      row.ownerName = v.developer.name;
      row.ownerKind = 'organisation';
    }
  }
  // one person owning two flats counts once
  if (rows.length > 4) rows[3]!.ownerName = rows[2]!.ownerName;
  return rows;
}

/** A satisfaction-minded answer sheet: mostly 4s and 5s, some 3s, a rare 2. */
function answersFor(r: Random, questions: QuestionDef[], mood: number): AnswerInput[] {
  const score = () => {
    const x = r.next() + mood;
    return x > 0.45 ? 5 : x > 0.1 ? 4 : x > 0.03 ? 3 : 2;
  };
  return questions.flatMap((q): AnswerInput[] => {
    if (q.kind === 'rating') return [{ questionId: q.id, rating: score() }];
    if (q.kind === 'single') {
      const yes = r.next() < 0.92 ? 0 : 1;
      return [{ questionId: q.id, optionIds: [q.options[yes]!.id] }];
    }
    if (q.kind === 'multiple') {
      // weights: roofs, walls and pipes first, then parking and lifts …
      const weights = [0.8, 0.6, 0.7, 0.65, 0.45, 0.35, 0.5, 0.3, 0.25, 0.2];
      const ids = q.options.filter((_, i) => r.next() < (weights[i] ?? 0.2)).map((o) => o.id);
      return [{ questionId: q.id, optionIds: ids.length ? ids : [q.options[0]!.id] }];
    }
    const texts = [
      '希望增加停车位',
      '楼道灯经常坏，希望一并改造',
      '加装电梯要考虑一楼住户',
      '雨污分流后路面要及时恢复',
      '施工期间注意噪音',
    ];
    return r.next() < 0.15 ? [{ questionId: q.id, text: r.pick(texts) }] : [];
  });
}

interface Ctx {
  s: PlatformServices;
  ctx: RequestContext;
  r: Random;
}

async function register(
  d: Ctx,
  v: {
    name: string;
    regionCode: string;
    yearBuilt: number;
    batch: string;
    status: CommunityStatus;
    address?: string;
  },
  rows: HouseholdRow[],
): Promise<string> {
  const c = await createCommunity(d.s, d.ctx, {
    name: v.name,
    regionCode: v.regionCode,
    yearBuilt: v.yearBuilt,
    batch: v.batch,
    status: v.status,
    address: v.address ?? null,
  });
  await d.s.write(d.ctx, (tx, audit) => addHouseholds(d.s, tx, audit, c.row.id, rows));
  return c.row.id;
}

/** Many small communities in one transaction (their register, as a bulk import would make it), each audited. */
async function registerMany(
  d: Ctx,
  list: Array<{ values: CommunityValues; rows: HouseholdRow[] }>,
): Promise<void> {
  await d.s.write(d.ctx, async (tx, audit) => {
    const at = d.s.clock.now();
    for (const c of list) {
      const { id } = await insertCommunity(tx, c.values, at);
      await audit({
        action: 'renewal.community.create',
        entityType: 'renewal_community',
        entityId: id,
        after: { ...c.values },
      });
      await addHouseholds(d.s, tx, audit, id, c.rows);
    }
  });
}

/** Runs a survey: opened, answered by `share` of the units (most online, some on paper), closed, published. */
async function runSurvey(
  d: Ctx,
  communityId: string,
  phase: 'needs' | 'satisfaction',
  share: number,
  mood: number,
): Promise<string> {
  const survey = await createSurvey(d.s, d.ctx, communityId, { phase });
  const id = survey.survey.id;
  await openSurvey(d.s, d.ctx, id, { linksExpireOn: addDays(todayOf(d.s), 14) });
  const links = await liveLinks(d.s, 'survey', id);
  const questions = survey.questions;
  const entries = links.flatMap((link) => {
    if (d.r.next() > share || !link.unitId) return [];
    const answers = answersFor(d.r, questions, mood);
    // most answer on their phones, the rest on paper sheets staff type in
    return [{ unitId: link.unitId, tokenId: d.r.next() < 0.7 ? link.id : null, answers }];
  });
  await recordResponsesInBulk(d.s, d.ctx, id, entries);
  await closeSurvey(d.s, d.ctx, id);
  await publishSurvey(d.s, d.ctx, id);
  return id;
}

/** 81 other communities renovated in earlier batches, with small registers. */
function earlierCommunities(r: Random) {
  const names: string[] = [];
  for (const first of FIRST) for (const last of LAST) names.push(`${first}${last}`);
  const out = [];
  for (let i = 0; i < 81; i++) {
    const name = names[i]!;
    out.push({
      name,
      regionCode: TOWNS[i % TOWNS.length]!,
      yearBuilt: r.int(1985, 2002),
      batch: `${2019 + (i % 4)}年`,
      status: 'completed' as const,
    });
  }
  return out;
}

export async function seedCommunitiesDemo({ services: s, log }: DemoContext): Promise<void> {
  const ctx = await actAs(s, 'anji', 'demo:renewal-communities');
  const d: Ctx = { s, ctx, r: seededRandom(20230601) };
  const today = todayOf(s);

  await registerMany(
    d,
    earlierCommunities(d.r).map((c) => ({
      values: { ...c, address: null, projectId: null },
      rows: households(d.r, { buildings: d.r.int(2, 3), entrances: 1, floors: d.r.int(3, 5) }),
    })),
  );

  // the 2023 batch named in the report
  const lantian = await register(
    d,
    {
      name: '蓝天花园',
      regionCode: '330523001',
      yearBuilt: 1997,
      batch: '2023年',
      status: 'completed',
      address: '天目路 118 号',
    },
    households(d.r, { buildings: 4, entrances: 2, floors: 6 }),
  );
  const shanshui = await register(
    d,
    {
      name: '山水华庭',
      regionCode: '330523002',
      yearBuilt: 2001,
      batch: '2023年',
      status: 'completed',
      address: '昌硕东路 66 号',
    },
    households(d.r, { buildings: 3, entrances: 2, floors: 6 }),
  );
  const zhuxian = await register(
    d,
    {
      name: '竹贤山庄二期',
      regionCode: '330523001',
      yearBuilt: 2003,
      batch: '2023年',
      status: 'surveying',
      address: '竹贤路 99 号',
    },
    households(d.r, {
      buildings: 6,
      entrances: 2,
      floors: 8,
      developer: { name: '安吉竹贤房地产开发有限公司', units: 9 },
    }),
  );
  // before the works: what the residents of 竹贤山庄二期 asked for
  await runSurvey(d, zhuxian, 'needs', 0.8, 0);
  await updateCommunity(s, ctx, zhuxian, { status: 'construction' });

  // after the works: satisfaction, published, then the acceptance takes the rate from it
  for (const [id, by, daysAgo] of [
    [lantian, '安吉县住房和城乡建设局、递铺街道办事处', 40],
    [shanshui, '安吉县住房和城乡建设局、昌硕街道办事处', 25],
  ] as const) {
    await runSurvey(d, id, 'satisfaction', 0.85, 0.1);
    await recordAcceptance(s, ctx, id, { acceptedOn: addDays(today, -daysAgo), acceptedBy: by });
  }

  const renovated = await countCommunitiesWithStatus(s.db, ['330523'], RENOVATED);
  log(`${renovated} communities renovated or under way (竹贤山庄二期 under construction)`);
}
