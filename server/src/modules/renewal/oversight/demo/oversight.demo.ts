import {
  actAs,
  addDays,
  type DemoContext,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../../platform/kit/index.ts';
import { closeActionItem } from '../action-item.service.ts';
import { closeFinding, reinspectFinding, replyToFinding } from '../finding.service.ts';
import { recordInspection } from '../inspection.service.ts';
import { recordMeeting } from '../meeting.service.ts';
import { decideNightWork, publishNotice, recordFeedback, requestNightWork } from '../night-work.service.ts';
import { findOrganisationNamed, findProjectsNamed, findTasksNamed } from './oversight-demo.repo.ts';

/**
 * Demo oversight records for Anji's renewal projects (the core's demo registers the projects
 * first): three weekly supervision meetings (督查例会) with action items — most closed, one
 * overdue —, visits by the third-party safety firm 浙江安信工程安全咨询有限公司 with findings
 * in every state (one overdue), and a night-work request for the roof pour of buildings 1 and
 * 4 of 新财政局地块住有宜居, with the neighbours told, heard and the request approved. Made
 * through the same services and audit as real work, acting as the demo account `anji`, with
 * dates relative to today.
 */

const INSPECTOR = '浙江安信工程安全咨询有限公司';
const CONTRACTOR = '湖州建工集团有限公司';
const LANDMARK_CONTRACTOR = '浙江两山建设集团有限公司';
const AGENT = '安吉城投建设管理有限公司';
const BUREAU = '安吉县住房和城乡建设局';

interface Demo {
  s: PlatformServices;
  ctx: RequestContext;
  /** today + n days */
  day: (n: number) => string;
}

export async function seedOversightDemo({ services: s, log }: DemoContext): Promise<void> {
  const housing = (await findProjectsNamed(s.db, '新财政局地块'))[0];
  const landmarks = await findProjectsNamed(s.db, '未来科技城');
  if (!housing || landmarks.length === 0) {
    log('the demo projects 新财政局地块住有宜居 / 两山未来科技城 are missing; oversight demo skipped');
    return;
  }
  // the building named, or else the first landmark
  const tower = (part: string) => (landmarks.find((p) => p.name.includes(part)) ?? landmarks[0]!).id;
  const ctx = await actAs(s, 'anji', 'demo:renewal-oversight');
  const today = todayOf(s);
  const d: Demo = { s, ctx, day: (n) => addDays(today, n) };
  const meetings = await seedMeetings(
    d,
    housing.id,
    tower('财富中心'),
    landmarks.map((p) => p.id),
  );
  const findings = await seedInspections(d, housing.id, tower('财富中心'), tower('数智产业中心'));
  await seedNightWork(d, housing.id, tower('国际会展中心'));
  log(`${meetings} supervision meetings, ${findings} inspection findings, 2 night-work requests`);
}

async function seedMeetings(
  d: Demo,
  housingId: string,
  towerId: string,
  landmarkIds: string[],
): Promise<number> {
  const { s, ctx, day } = d;
  const bureau = await findOrganisationNamed(s.db, BUREAU);
  const contractor = await findOrganisationNamed(s.db, CONTRACTOR);
  const builder = await findOrganisationNamed(s.db, LANDMARK_CONTRACTOR);
  const agent = await findOrganisationNamed(s.db, AGENT);
  const inspector = await findOrganisationNamed(s.db, INSPECTOR);
  const org = (o: { id: string } | undefined, name: string) =>
    o ? { organisationId: o.id } : { organisationName: name };
  const attendees = [
    { name: '程峰巍', jobTitle: '党委委员', ...org(bureau, BUREAU) },
    { name: '周立新', jobTitle: '项目负责人', ...org(agent, AGENT) },
    { name: '沈国强', jobTitle: '项目经理', ...org(contractor, CONTRACTOR) },
    { name: '潘志刚', jobTitle: '项目经理', ...org(builder, LANDMARK_CONTRACTOR) },
    { name: '陆晓峰', jobTitle: '安全总监', ...org(inspector, INSPECTOR) },
    { name: '吴敏', jobTitle: '城建办主任', organisationName: '递铺街道办事处' },
  ];
  const owner = (o: { id: string } | undefined, name: string) =>
    o ? { ownerOrganisationId: o.id } : { ownerOrganisationName: name };
  const pour = (await findTasksNamed(s.db, housingId, '浇筑'))[0];
  const projectIds = [...new Set([housingId, ...landmarkIds])];

  const first = await recordMeeting(s, ctx, {
    projectIds,
    title: '城市有机更新项目第1次督查例会',
    heldOn: day(-21),
    location: '县住建局三楼会议室',
    minutes:
      '通报新财政局地块8幢住宅主体进度及两山未来科技城5幢地标建筑主体结构进展。要求施工单位每天倒排工期，' +
      '每天与县住建局“通气”；第三方巡查单位每周至少巡查一次，隐患闭环销号。',
    attendees,
    actionItems: [
      {
        projectId: housingId,
        text: '8幢住宅主体结构倒排计划细化到日，明确1号、4号楼最后浇筑的时间节点',
        ...owner(contractor, CONTRACTOR),
        ownerPerson: '沈国强',
        dueOn: day(-14),
        ...(pour ? { taskId: pour.id } : {}),
      },
      {
        projectId: towerId,
        text: '组织塔吊司机、信号工持证上岗专项检查',
        ...owner(inspector, INSPECTOR),
        ownerPerson: '陆晓峰',
        dueOn: day(-10),
      },
    ],
  });
  await closeActionItem(s, ctx, first.actionItems[0]!.id, {
    note: '倒排计划已细化到日并报送，1号、4号楼安排在最后一批浇筑',
    closedOn: day(-15),
  });
  await closeActionItem(s, ctx, first.actionItems[1]!.id, {
    note: '检查塔吊司机12人、信号工8人，均持证上岗',
    closedOn: day(-11),
  });

  const second = await recordMeeting(s, ctx, {
    projectIds,
    title: '城市有机更新项目第2次督查例会',
    heldOn: day(-14),
    location: '新财政局地块项目部',
    minutes:
      '现场督查新财政局地块及两山未来科技城项目。夜间混凝土浇筑需提前做好周边居民告知；脚手架隐患须按期整改复查。',
    attendees,
    actionItems: [
      {
        projectId: housingId,
        text: '夜间混凝土浇筑前上门向周边居民解释并在小区公告栏、微信群告知',
        ownerOrganisationName: '递铺街道办事处',
        ownerPerson: '吴敏',
        dueOn: day(-8),
      },
      {
        projectId: towerId,
        text: '北侧材料堆场文明施工问题整改完毕并申请复查',
        ...owner(builder, LANDMARK_CONTRACTOR),
        ownerPerson: '潘志刚',
        dueOn: day(-3),
      },
    ],
  });
  await closeActionItem(s, ctx, second.actionItems[0]!.id, {
    note: '居民投诉夜间浇筑噪声后召开夜间施工协调会，上门走访周边住户46户并电话沟通，调整浇筑时段，居民表示理解',
    closedOn: day(-8),
  });

  // second.actionItems[1] stays open past its due date: the overdue item

  await recordMeeting(s, ctx, {
    projectIds,
    title: '城市有机更新项目第3次督查例会',
    heldOn: day(-7),
    location: '县住建局三楼会议室',
    minutes: '进入雨季，要求各项目完善基坑排水与防汛预案；新财政局地块准备1号、4号楼屋面浇筑封顶。',
    attendees,
    actionItems: [
      {
        projectId: housingId,
        text: '报送雨季基坑排水及防汛应急预案',
        ...owner(agent, AGENT),
        ownerPerson: '周立新',
        dueOn: day(5),
      },
    ],
  });
  return 3;
}

async function seedInspections(d: Demo, housingId: string, towerA: string, towerB: string): Promise<number> {
  const { s, ctx, day } = d;
  const firm = await findOrganisationNamed(s.db, INSPECTOR);
  if (!firm) return 0;
  const visit = (
    projectId: string,
    inspectedOn: string,
    findings: Parameters<typeof recordInspection>[2]['findings'],
  ) =>
    recordInspection(s, ctx, {
      projectId,
      inspectorOrganisationId: firm.id,
      inspectedOn,
      inspectorNames: ['陆晓峰', '钱海涛'],
      summary: '按《建筑施工安全检查标准》JGJ 59 开展巡查',
      findings,
    });

  const v1 = await visit(housingId, day(-20), [
    {
      category: 'fall_from_height',
      severity: 'critical',
      location: '5号楼12层东侧临边',
      description: '楼层临边防护栏杆缺失约6米，作业人员未系安全带',
      photos: ['5号楼12层东侧临边防护缺失（全景）'],
    },
    {
      category: 'temporary_electricity',
      severity: 'major',
      location: '2号楼北侧二级配电箱',
      description: '配电箱未做重复接地，箱门无锁',
      photos: ['2号楼北侧配电箱接地缺失'],
    },
  ]);
  const [edge, power] = v1.findings;
  await replyToFinding(s, ctx, edge!.id, {
    text: '已补设1.2米防护栏杆并挂密目网，对班组进行安全带使用教育',
    photos: ['整改后临边防护栏杆'],
    repliedOn: day(-20),
  });
  await reinspectFinding(s, ctx, edge!.id, { result: 'pass', note: '复查合格', inspectedOn: day(-19) });
  await closeFinding(s, ctx, edge!.id, { note: '销号', closedOn: day(-19) });
  await replyToFinding(s, ctx, power!.id, { text: '已加装箱锁', repliedOn: day(-18) });
  await reinspectFinding(s, ctx, power!.id, {
    result: 'fail',
    note: '重复接地仍未设置，限期整改',
    inspectedOn: day(-17),
  });
  await replyToFinding(s, ctx, power!.id, {
    text: '已打设接地极并测试，接地电阻3.2Ω',
    photos: ['接地电阻测试记录'],
    repliedOn: day(-15),
  });
  await reinspectFinding(s, ctx, power!.id, { result: 'pass', note: '复查合格', inspectedOn: day(-14) });
  await closeFinding(s, ctx, power!.id, { closedOn: day(-13) });

  const v2 = await visit(towerA, day(-10), [
    {
      category: 'scaffolding',
      severity: 'major',
      location: '外立面东南角 8–10层',
      description: '外脚手架连墙件缺失3处，立杆悬空',
      photos: ['东南角脚手架连墙件缺失'],
    },
    {
      category: 'site_order',
      severity: 'minor',
      location: '北侧材料堆场',
      description: '钢筋、模板混堆，通道堵塞，未设标识牌',
    },
  ]);
  await replyToFinding(s, ctx, v2.findings[0]!.id, { text: '已补设连墙件并加固立杆', repliedOn: day(-8) });
  await reinspectFinding(s, ctx, v2.findings[0]!.id, {
    result: 'pass',
    note: '复查合格',
    inspectedOn: day(-7),
  });
  await closeFinding(s, ctx, v2.findings[0]!.id, { closedOn: day(-6) });
  // v2.findings[1] (minor, 7 days from day -10) is still open: the overdue finding

  const v3 = await visit(housingId, day(-2), [
    {
      category: 'lifting_machinery',
      severity: 'major',
      location: '1#楼塔吊',
      description: '起重量限制器报警后仍继续吊装，未停机检修',
      photos: ['1#楼塔吊限位器'],
    },
    {
      category: 'fire',
      severity: 'minor',
      location: '6号楼地下室',
      description: '动火作业点未配备灭火器，无动火审批单',
    },
    {
      category: 'temporary_electricity',
      severity: 'minor',
      location: '7号楼施工电梯旁',
      description: '电缆沿地面明敷，未架空',
    },
  ]);
  const [crane, fire, cable] = v3.findings;
  await replyToFinding(s, ctx, crane!.id, { text: '已由产权单位更换限制器并经检测合格', repliedOn: day(-1) });
  await reinspectFinding(s, ctx, crane!.id, {
    result: 'pass',
    note: '复查合格，待销号',
    inspectedOn: day(0),
  });
  await replyToFinding(s, ctx, fire!.id, { text: '已配备灭火器2具', repliedOn: day(-1) });
  await reinspectFinding(s, ctx, fire!.id, {
    result: 'fail',
    note: '动火审批单仍未办理，重新限期整改',
    inspectedOn: day(0),
  });
  await replyToFinding(s, ctx, cable!.id, { text: '电缆已用绝缘挂钩架空敷设', repliedOn: day(0) });

  const v4 = await visit(towerB, day(-1), [
    {
      category: 'formwork',
      severity: 'critical',
      location: '裙楼报告厅高支模区域',
      description: '高支模立杆间距超出专项方案，扫地杆缺失，立即停止浇筑作业',
      photos: ['高支模立杆间距', '扫地杆缺失'],
    },
  ]);
  return v1.findings.length + v2.findings.length + v3.findings.length + v4.findings.length;
}

async function seedNightWork(d: Demo, housingId: string, towerId: string): Promise<void> {
  const { s, ctx, day } = d;
  const pour = await requestNightWork(s, ctx, {
    projectId: housingId,
    firstNight: day(2),
    lastNight: day(3),
    startTime: '22:00',
    endTime: '06:00',
    reason: '1号楼、4号楼屋面混凝土连续浇筑（主体封顶），不宜留施工缝',
    noiseMeasures:
      '选用低噪声振捣设备，泵车外侧加设隔声屏，夜间禁止鸣笛，照明灯具朝向场内，安排专人值守处理投诉',
  });
  const id = pour.request.id;
  await publishNotice(s, ctx, id, {
    text: '因1号楼、4号楼屋面混凝土需连续浇筑，拟于近日夜间22:00至次日06:00施工，给您带来不便敬请谅解。投诉电话：0572-5123456',
    publishedOn: day(0),
    channel: 'notice_board',
  });
  await publishNotice(s, ctx, id, {
    text: '【夜间施工告知】新财政局地块项目1号、4号楼屋面浇筑，夜间施工两晚，已采取降噪措施。',
    publishedOn: day(0),
    channel: 'wechat_group',
  });
  await recordFeedback(s, ctx, id, {
    name: '王女士',
    text: '理解支持，希望尽早完工',
    attitude: 'support',
  });
  await recordFeedback(s, ctx, id, { text: '可以接受，注意泵车不要停在小区门口', attitude: 'neutral' });
  await recordFeedback(s, ctx, id, {
    name: '李先生',
    text: '家里有高考学生，希望尽量控制噪声',
    attitude: 'object',
  });
  await decideNightWork(s, ctx, id, {
    decision: 'approve',
    note: '同意。浇筑须于次日05:30前结束；对提出意见的住户上门沟通，必要时安排临时休息场所',
  });

  await requestNightWork(s, ctx, {
    projectId: towerId,
    firstNight: day(5),
    lastNight: day(5),
    startTime: '23:00',
    endTime: '04:00',
    reason: '钢结构大跨度构件吊装，避开白天主干道交通高峰',
    noiseMeasures: '吊装区域设隔离围挡，禁止敲击作业，夜间照明限定在作业面',
  });
}
